import { Body1, Button } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { EmptyState, Page } from '../../ui/layout';

/** The content library is not built yet: say so, and point to what can be done today. */
export function LibraryPage() {
  const t = useT();
  const { me, navigate } = useChorus();
  return (
    <Page title={t.library.title}>
      <EmptyState
        id="library-empty"
        title={t.library.emptyTitle}
        actions={
          !me.membership && (
            <Button appearance="primary" onClick={() => navigate('campaigns')}>
              {t.library.goToCampaigns}
            </Button>
          )
        }
      >
        <Body1 as="p">{t.library.emptyBody}</Body1>
        <Body1 as="p">{me.membership ? t.library.nowMember : t.library.nowNotMember}</Body1>
      </EmptyState>
    </Page>
  );
}
