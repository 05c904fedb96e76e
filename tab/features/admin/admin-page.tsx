import { useState } from 'react';
import { Body1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { Loading, Page, Section } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';
import { CampaignsAdmin } from './campaigns/campaigns-admin';
import { ContentAdmin } from './content/content-admin';
import { DocumentEditor } from './document-editor';
import { StatsCards } from './stats-cards';
import { CoachSettingsAdmin } from './sparring/coach-settings-form';
import { SparringAdmin } from './sparring/sparring-admin';
import { OnboardingProgress } from './onboarding-progress';
import { CanvasAdmin } from '../cockpit/canvas/canvas-admin';
import { DashboardAdmin } from '../cockpit/dashboard/dashboard-admin';
import { GamificationAdmin } from '../cockpit/gamification/gamification-admin';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

type AdminSection =
  'content' | 'campaigns' | 'sparring' | 'coach' | 'program' | 'dashboard' | 'canvas' | 'gamification';
const SECTIONS: readonly AdminSection[] = [
  'content',
  'campaigns',
  'sparring',
  'coach',
  'program',
  'dashboard',
  'canvas',
  'gamification',
];

/**
 * For comms and approvers. Content: the review queue and the editor (approvers review; comms write).
 * Campaigns (comms only): recruitment campaigns, their audiences, announcements and funnels.
 * Program (comms only): the numbers, and the purpose and guidelines editors. Lazy-loaded.
 */
export function AdminPage() {
  const t = useT();
  const styles = useStyles();
  const { me } = useChorus();
  const isComms = me.roles.includes('comms');
  const [section, setSection] = useState<AdminSection>('content');
  const current: AdminSection = isComms ? section : 'content';

  return (
    <Page title={t.admin.title}>
      {isComms && (
        <TabList
          aria-label={t.admin.sections}
          selectedValue={current}
          onTabSelect={(_, d) => setSection(SECTIONS.find((s) => s === d.value) ?? 'content')}
        >
          <Tab id="admin-tab-content" value="content" aria-controls="admin-panel">
            {t.admin.contentTab}
          </Tab>
          <Tab id="admin-tab-campaigns" value="campaigns" aria-controls="admin-panel">
            {t.admin.campaignsTab}
          </Tab>
          <Tab id="admin-tab-sparring" value="sparring" aria-controls="admin-panel">
            {t.sparring.adminTab}
          </Tab>
          <Tab id="admin-tab-coach" value="coach" aria-controls="admin-panel">
            {t.sparring.coachTab}
          </Tab>
          <Tab id="admin-tab-program" value="program" aria-controls="admin-panel">
            {t.admin.programTab}
          </Tab>
          <Tab id="admin-tab-dashboard" value="dashboard" aria-controls="admin-panel">
            {t.dashboard.title}
          </Tab>
          <Tab id="admin-tab-canvas" value="canvas" aria-controls="admin-panel">
            {t.canvas.title}
          </Tab>
          <Tab id="admin-tab-gamification" value="gamification" aria-controls="admin-panel">
            {t.gamification.title}
          </Tab>
        </TabList>
      )}
      <div
        id="admin-panel"
        className={styles.panel}
        {...(isComms ? { role: 'tabpanel', 'aria-labelledby': `admin-tab-${current}` } : {})}
      >
        {current === 'content' ? (
          <ContentAdmin />
        ) : current === 'campaigns' ? (
          <CampaignsAdmin />
        ) : current === 'sparring' ? (
          <SparringAdmin />
        ) : current === 'coach' ? (
          <CoachSettingsAdmin />
        ) : current === 'dashboard' ? (
          <DashboardAdmin />
        ) : current === 'canvas' ? (
          <CanvasAdmin />
        ) : current === 'gamification' ? (
          <GamificationAdmin />
        ) : (
          <ProgramAdmin />
        )}
      </div>
    </Page>
  );
}

function ProgramAdmin() {
  const t = useT();
  const { api, program } = useChorus();
  const stats = useAsync(
    () => api.stats(),
    `stats-${program.data?.purpose.version}-${program.data?.guidelines.version}`,
  );
  return (
    <>
      <Section id="admin-stats" title={t.admin.statsTitle}>
        {stats.error !== null && <ErrorBar error={stats.error} onRetry={() => void stats.reload()} />}
        {stats.data ? (
          <StatsCards stats={stats.data} />
        ) : (
          stats.error === null && <Loading label={t.admin.loading} />
        )}
      </Section>
      <OnboardingProgress />
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
    </>
  );
}

export default AdminPage;
