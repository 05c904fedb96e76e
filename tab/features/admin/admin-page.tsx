import { Body1 } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { Loading, Page, Section } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';
import { DocumentEditor } from './document-editor';
import { StatsCards } from './stats-cards';

/** For comms: the program in numbers, and the purpose and guidelines editors. Lazy-loaded. */
export function AdminPage() {
  const t = useT();
  const { api, program } = useChorus();
  const stats = useAsync(
    () => api.stats(),
    `stats-${program.data?.purpose.version}-${program.data?.guidelines.version}`,
  );

  return (
    <Page title={t.admin.title}>
      <Section id="admin-stats" title={t.admin.statsTitle}>
        {stats.error !== null && <ErrorBar error={stats.error} onRetry={() => void stats.reload()} />}
        {stats.data ? (
          <StatsCards stats={stats.data} />
        ) : (
          stats.error === null && <Loading label={t.admin.loading} />
        )}
      </Section>
      <Body1 as="p">{t.admin.editorHint}</Body1>
      {program.error !== null && <ErrorBar error={program.error} onRetry={() => void program.reload()} />}
      {program.data ? (
        <>
          <DocumentEditor kind="purpose" doc={program.data.purpose} />
          <DocumentEditor kind="guidelines" doc={program.data.guidelines} />
        </>
      ) : (
        program.error === null && <Loading label={t.program.loading} />
      )}
    </Page>
  );
}

export default AdminPage;
