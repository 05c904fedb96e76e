import { Body1, Button } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { EmptyState, Page } from '../../ui/layout';

/** Managers will nominate colleagues here; until then, an honest empty state. */
export function MyTeamPage() {
  const t = useT();
  const { navigate } = useChorus();
  return (
    <Page title={t.myTeam.title}>
      <EmptyState
        id="my-team-empty"
        title={t.myTeam.emptyTitle}
        actions={<Button onClick={() => navigate('campaigns')}>{t.library.goToCampaigns}</Button>}
      >
        <Body1 as="p">{t.myTeam.emptyBody}</Body1>
        <Body1 as="p">{t.myTeam.now}</Body1>
      </EmptyState>
    </Page>
  );
}
