import { Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { EmptyState, Loading, Page, Panel, Pill } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';
import { RequestDetails, useWaitingText } from './request-view';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalL },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The ambassador's own sparring requests ("Ask comms" from the bot's feedback card): open ones while
 * they wait, answered ones with comms' reply. Nobody else's requests are ever shown here.
 */
export function MySparringPage() {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const mine = useAsync((signal) => api.mySparring(signal), 'my-sparring');
  const waiting = useWaitingText();

  return (
    <Page title={t.sparring.myTitle} intro={t.sparring.myIntro}>
      {mine.error !== null && <ErrorBar error={mine.error} onRetry={() => void mine.reload()} />}
      {mine.data === undefined ? (
        mine.error === null && <Loading label={t.sparring.loading} />
      ) : mine.data.requests.length === 0 ? (
        <EmptyState id="my-sparring-empty" title={t.sparring.emptyTitle}>
          <p>{t.sparring.emptyBody}</p>
        </EmptyState>
      ) : (
        <ul className={styles.list} data-testid="my-sparring">
          {mine.data.requests.map((request) => (
            <Panel as="li" key={request.id} className={styles.item}>
              <div className={styles.head}>
                <Subtitle1 as="h2" id={`my-sparring-${request.id}`}>
                  {t.sparring.sent(formatDate(request.createdAt, true))}
                </Subtitle1>
                <Pill strong={request.status === 'answered'}>
                  {request.status === 'open' ? t.sparring.open : t.sparring.answered}
                </Pill>
                <Caption1 className={styles.muted}>
                  {t.networks[request.network]} · {waiting(request)}
                </Caption1>
              </div>
              <RequestDetails
                request={request}
                idPrefix={`my-sparring-${request.id}`}
                draftTitle={t.sparring.draftHeading}
              />
            </Panel>
          ))}
        </ul>
      )}
    </Page>
  );
}

export default MySparringPage;
