import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerFooter,
  DrawerHeader,
  DrawerHeaderTitle,
  Field,
  OverlayDrawer,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ZChatText, type ChatCardAnswer, type ChatMessage } from '@contracts';
import { useI18n } from '../../i18n';
import { ErrorBar } from '../../ui/error-bar';
import { ChatCard } from './chat-card';
import type { ChatFeed } from './chat-feed';

const useStyles = makeStyles({
  drawer: { width: 'min(420px, 100vw)' },
  note: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalM },
  log: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  message: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    maxWidth: '85%',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bot: {
    alignSelf: 'flex-start',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  user: {
    alignSelf: 'flex-end',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  from: { display: 'block', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  cardLines: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    listStyle: 'none',
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, width: '100%' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The demo's stand-in for the Teams chat with the bot. Lazy-loaded. */
export function ChatPanel({ feed }: { feed: ChatFeed }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (feed.open) endRef.current?.scrollIntoView({ block: 'end' });
  }, [feed.open, feed.messages.length]);

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (sending) return;
    const parsed = ZChatText.safeParse(text);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? null);
      return;
    }
    setProblem(null);
    setSending(true);
    setSendError(null);
    try {
      await feed.send(parsed.data);
      setText('');
    } catch (err) {
      setSendError(err);
    } finally {
      setSending(false);
    }
  }

  async function answer(card: ChatCardAnswer) {
    setSendError(null);
    try {
      await feed.answerCard(card);
    } catch (err) {
      setSendError(err);
    }
  }

  const who = (m: ChatMessage) => (m.from === 'bot' ? t.chat.bot : t.chat.you);

  return (
    <OverlayDrawer
      position="end"
      className={styles.drawer}
      open={feed.open}
      onOpenChange={(_, data) => feed.setOpen(data.open)}
      aria-labelledby="chat-title"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: 'chat-title' }}
          action={
            <Button appearance="subtle" onClick={() => feed.setOpen(false)}>
              {t.chat.close}
            </Button>
          }
        >
          {t.chat.title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <Caption1 className={styles.note}>{t.chat.note}</Caption1>
        {feed.error !== null && <ErrorBar error={feed.error} />}
        {feed.loading && feed.error === null && <Spinner size="small" label={t.chat.loading} />}
        {!feed.loading && feed.messages.length === 0 && <Body1>{t.chat.empty}</Body1>}
        <div role="log" aria-live="polite" aria-label={t.chat.conversation} data-testid="chat-log">
          <ol className={styles.log}>
            {feed.messages.map((m) => (
              <li
                key={m.id}
                className={mergeClasses(styles.message, m.from === 'bot' ? styles.bot : styles.user)}
              >
                <span className={styles.from}>
                  {who(m)}
                  <Caption1 as="span">
                    {' · '}
                    <time dateTime={m.createdAt}>{formatDate(m.createdAt, true)}</time>
                  </Caption1>
                </span>
                {m.text && <Body1>{m.text}</Body1>}
                {m.card !== null ? (
                  <ChatCard card={m.card} onAnswer={answer} />
                ) : (
                  m.cardLines.length > 0 && (
                    <ul className={styles.cardLines}>
                      {m.cardLines.map((line, i) => (
                        <li key={i}>
                          <Body1>{line}</Body1>
                        </li>
                      ))}
                    </ul>
                  )
                )}
              </li>
            ))}
          </ol>
        </div>
        <div ref={endRef} />
      </DrawerBody>
      <DrawerFooter>
        <form className={styles.form} onSubmit={(e) => void send(e)} noValidate>
          {sendError !== null && <ErrorBar error={sendError} />}
          <Field
            label={t.chat.message}
            validationMessage={problem}
            validationState={problem ? 'error' : 'none'}
          >
            <Textarea
              value={text}
              onChange={(_, data) => setText(data.value)}
              onKeyDown={(e) => {
                // Enter sends, Shift+Enter makes a new line (as in Teams)
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void send();
                }
              }}
              rows={2}
              resize="vertical"
              data-testid="chat-input"
            />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" appearance="primary" disabledFocusable={sending}>
              {t.chat.send}
            </Button>
            {sending && <Spinner size="tiny" label={t.chat.sending} />}
          </div>
        </form>
      </DrawerFooter>
    </OverlayDrawer>
  );
}

export default ChatPanel;
