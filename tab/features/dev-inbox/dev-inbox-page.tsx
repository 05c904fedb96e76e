import { useEffect, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { InboxEntry, PersonSummary } from '@contracts';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { Loading, Page, Panel, Pill } from '../../ui/layout';
import { PersonPicker } from '../../ui/person-picker';
import { useAsync } from '../../ui/use-async';
import { usePeopleSearch } from '../people/use-people-search';
import { AdaptiveCardView, OpenUrlButton, localHref, type CardAction } from './adaptive-card';

const POLL_MS = 2000;

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  picker: { minWidth: '280px', flexGrow: 1, maxWidth: '420px' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  text: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
});

type Json = Record<string, unknown>;
type EntryKind = 'chat' | 'channel' | 'feed';

const asObject = (value: unknown): Json | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;

function kindOf(entry: InboxEntry): EntryKind {
  const activity = entry.activity;
  if (entry.conversationId.startsWith('19:')) return 'channel';
  if (
    entry.conversationId.includes('feed') ||
    activity['type'] === 'activityNotification' ||
    (activity['topic'] !== undefined && activity['previewText'] !== undefined)
  )
    return 'feed';
  return 'chat';
}

function adaptiveCards(activity: Json): Json[] {
  const attachments = Array.isArray(activity['attachments']) ? activity['attachments'] : [];
  return attachments
    .map(asObject)
    .filter((a): a is Json => a !== null && a['contentType'] === 'application/vnd.microsoft.card.adaptive')
    .map((a) => asObject(a['content']))
    .filter((c): c is Json => c !== null);
}

/** A card button's "not now", which the bot would handle; here the tab answers the same way. */
function declineTarget(action: CardAction): string | null {
  const data = action.data ?? {};
  const verb = [data['verb'], data['action'], asObject(data['msteams'])?.['value']].find(
    (v): v is string => typeof v === 'string',
  );
  const campaignId = data['campaignId'];
  return verb && /not.?now|decline/i.test(verb) && typeof campaignId === 'string' ? campaignId : null;
}

/**
 * Demo only (`?tab=inbox`): what the Chorus bot sent to a demo person, as it would arrive in Teams:
 * chat messages and cards, channel posts and activity feed notifications. Card buttons that open a
 * page are real links (Join opens the consent step); "Not now" answers as the bot would.
 */
export function DevInboxPage() {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api, me } = useChorus();
  const search = usePeopleSearch();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const personId = person?.id ?? me.person.id;
  const inbox = useAsync((signal) => api.devInbox(personId, signal), personId);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<unknown>(null);
  const own = personId === me.person.id;

  // New messages arrive while the page is open (the outbox sends at its own pace).
  const reload = inbox.reload;
  useEffect(() => {
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const entries = [...(inbox.data?.entries ?? [])].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

  const renderAction = (entryId: string) => (action: CardAction, key: string) => {
    if (action.kind === 'openUrl') return <OpenUrlButton key={key} action={action} />;
    const campaignId = declineTarget(action);
    const done = answered.has(`${entryId}:${key}`);
    if (campaignId && own) {
      return (
        <Button
          key={key}
          disabled={done}
          onClick={() => {
            setActionError(null);
            api.declineCampaign(campaignId).then(
              () => setAnswered((set) => new Set([...set, `${entryId}:${key}`])),
              (err: unknown) => setActionError(err),
            );
          }}
        >
          {done ? t.inbox.done : action.title}
        </Button>
      );
    }
    return (
      <Button key={key} disabledFocusable title={t.inbox.submitOnlyInTeams}>
        {action.title}
      </Button>
    );
  };

  return (
    <Page title={t.inbox.title} intro={t.inbox.intro}>
      <div className={styles.toolbar}>
        <div className={styles.picker}>
          <PersonPicker
            label={t.inbox.whose}
            hint={person ? undefined : t.inbox.mine(me.person.displayName)}
            search={search}
            value={person}
            onChange={setPerson}
            testId="inbox-person"
          />
        </div>
        <Button onClick={() => void inbox.reload()}>{t.inbox.refresh}</Button>
        {inbox.loading && inbox.data !== undefined && <Spinner size="tiny" label={t.inbox.loading} />}
      </div>
      {inbox.error !== null && <ErrorBar error={inbox.error} onRetry={() => void inbox.reload()} />}
      {actionError !== null && <ErrorBar error={actionError} />}
      {inbox.data === undefined ? (
        inbox.error === null && <Loading label={t.inbox.loading} />
      ) : entries.length === 0 ? (
        <Notice intent="info">{t.inbox.empty}</Notice>
      ) : (
        <ul className={styles.list} aria-label={t.inbox.listLabel} data-testid="inbox-list">
          {entries.map((entry) => {
            const kind = kindOf(entry);
            const activity = entry.activity;
            const text = typeof activity['text'] === 'string' ? activity['text'] : '';
            const topic = asObject(activity['topic']);
            const preview = asObject(activity['previewText']);
            const topicUrl = typeof topic?.['webUrl'] === 'string' ? localHref(topic['webUrl']) : null;
            return (
              <Panel as="li" key={entry.id} data-testid="inbox-entry">
                <div className={styles.meta}>
                  <Subtitle2 as="h2">{t.inbox.from}</Subtitle2>
                  <Pill>{t.inbox[kind]}</Pill>
                  <Caption1 className={styles.muted}>
                    <time dateTime={entry.receivedAt}>
                      {t.inbox.received(formatDate(entry.receivedAt, true))}
                    </time>
                  </Caption1>
                </div>
                {text && (
                  <Body1 as="p" className={styles.text}>
                    {text}
                  </Body1>
                )}
                {kind === 'feed' && (
                  <>
                    {typeof preview?.['content'] === 'string' && (
                      <Body1 as="p" className={styles.text}>
                        {preview['content']}
                      </Body1>
                    )}
                    {topicUrl && (
                      <Link href={topicUrl}>
                        {typeof topic?.['value'] === 'string' ? topic['value'] : topicUrl}
                      </Link>
                    )}
                  </>
                )}
                {adaptiveCards(activity).map((card, i) => (
                  <AdaptiveCardView key={i} card={card} renderAction={renderAction(entry.id)} />
                ))}
              </Panel>
            );
          })}
        </ul>
      )}
    </Page>
  );
}

export default DevInboxPage;
