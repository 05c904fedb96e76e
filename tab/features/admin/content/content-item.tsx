import { useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Spinner,
  Subtitle1,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { ContentDetail, ContentInput } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { Loading, Panel, Pill } from '../../../ui/layout';
import { Markdown } from '../../../ui/markdown';
import { useAsync } from '../../../ui/use-async';
import { useTopics } from '../../library/use-topics';
import type { Flash } from '../../program/flash';
import { FlashBar } from '../../program/flash-bar';
import { withDisclosure } from '../../share/post-text';
import { ContentEditor, problemsFrom, useEditorStyles, type EditorAction } from './content-editor';
import type { Problems } from './content-form';
import { ItemStatsSection } from './item-stats';
import { LinkedInPreview } from './linkedin-preview';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  back: { alignSelf: 'flex-start' },
  heading: { margin: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  meta: {
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  history: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  note: { display: 'block', margin: 0, color: tokens.colorNeutralForeground2 },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, max-content) minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  captionList: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    '& li': { whiteSpace: 'pre-wrap', marginBottom: tokens.spacingVerticalS },
  },
  image: { display: 'block', width: '240px', maxWidth: '100%', borderRadius: tokens.borderRadiusMedium },
  link: { color: tokens.colorBrandForegroundLink },
});

/**
 * One item in the admin: its status and history, the editor (comms) or a read-only view,
 * review actions (approvers), archive, and its results. `itemId` null: a new item.
 */
export function ContentItem({
  itemId,
  initialFlash = null,
  onBack,
  onCreated,
  onChanged,
}: {
  itemId: string | null;
  /** A confirmation to show on arrival (after creating the item). */
  initialFlash?: Flash | null;
  onBack: () => void;
  onCreated: (item: ContentDetail, flash: Flash) => void;
  onChanged: () => void;
}) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api, me } = useChorus();
  const resource = useAsync<ContentDetail | null>(
    (signal) => (itemId ? api.content(itemId, signal) : Promise.resolve(null)),
    itemId ?? 'new',
  );
  const [flash, setFlash] = useState<Flash | null>(initialFlash);
  const [busy, setBusy] = useState<EditorAction | null>(null);
  const [acting, setActing] = useState<'approve' | 'reject' | 'archive' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [serverProblems, setServerProblems] = useState<Problems>({});
  const [dialogOpen, setDialogOpen] = useState(false);
  // Kept while the dialog closes, so its words do not change during the closing animation.
  const [dialog, setDialogKind] = useState<'reject' | 'archive'>('reject');
  const setDialog = (kind: 'reject' | 'archive' | null) => {
    if (kind) setDialogKind(kind);
    setDialogOpen(kind !== null);
  };
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const restoreFocusTarget = useRestoreFocusTarget();
  const isComms = me.roles.includes('comms');
  const isApprover = me.roles.includes('approver');

  // A new view starts at its heading, so screen readers hear where they are.
  useEffect(() => {
    headingRef.current?.focus();
  }, [itemId]);

  const item = resource.data ?? null;
  const statusLabel = (s: ContentDetail['status']) => t.content.status[s];

  async function save(input: ContentInput, action: EditorAction, dirty: boolean) {
    setBusy(action);
    setError(null);
    setServerProblems({});
    try {
      if (!item) {
        const created = await api.createContent({ ...input, submit: action === 'submit' });
        onChanged();
        onCreated(created, {
          intent: 'success',
          text: action === 'submit' ? t.content.submitted : t.content.saved,
        });
        return;
      }
      let next = item;
      if (dirty || action === 'save') next = await api.updateContent(item.id, input);
      if (action === 'submit') next = await api.submitContent(item.id);
      resource.set(next);
      onChanged();
      setFlash({ intent: 'success', text: action === 'submit' ? t.content.submitted : t.content.saved });
    } catch (err) {
      setServerProblems(problemsFrom(err));
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function act(kind: 'approve' | 'reject' | 'archive') {
    if (!item) return;
    if (kind === 'reject' && !note.trim()) {
      setNoteProblem(t.content.rejectNoteRequired);
      return;
    }
    setActing(kind);
    setError(null);
    try {
      const next =
        kind === 'approve'
          ? await api.approveContent(item.id)
          : kind === 'reject'
            ? await api.rejectContent(item.id, note.trim())
            : await api.archiveContent(item.id);
      resource.set(next);
      onChanged();
      setDialog(null);
      setFlash({
        intent: 'success',
        text:
          kind === 'approve'
            ? t.content.approved
            : kind === 'reject'
              ? t.content.rejected
              : t.content.archived,
      });
    } catch (err) {
      setDialog(null);
      setError(err);
    } finally {
      setActing(null);
    }
  }

  const title = item
    ? isComms && item.status !== 'archived'
      ? t.content.editTitle(item.title)
      : item.title
    : t.content.newTitle;
  const back = (
    <Button className={styles.back} appearance="subtle" onClick={onBack} data-testid="content-back">
      {t.content.back}
    </Button>
  );

  if (itemId && resource.data === undefined) {
    return (
      <div className={styles.root}>
        {back}
        {resource.error !== null ? (
          <ErrorBar error={resource.error} onRetry={() => void resource.reload()} />
        ) : (
          <Loading label={t.content.loadingItem} />
        )}
      </div>
    );
  }

  const own = item !== null && item.authorId === me.person.id;
  const canReview = item !== null && isApprover && item.status === 'in_review';
  const canArchive = item !== null && isComms && item.status !== 'archived';
  const canEdit = isComms && (item === null || item.status !== 'archived');
  // Published items lead with their results; drafts and items in review with the text.
  const published = item !== null && (item.status === 'approved' || item.status === 'archived');

  return (
    <div className={styles.root} data-testid="content-item">
      {back}
      <h2 ref={headingRef} tabIndex={-1} className={styles.title} data-testid="content-heading">
        {title}
      </h2>
      {item && (
        <div className={styles.meta}>
          <Pill strong>
            <span data-testid="content-status">{statusLabel(item.status)}</span>
          </Pill>
          <Caption1>
            {t.content.statusLine(
              item.authorName ?? t.content.unknownAuthor,
              formatDate(item.updatedAt, true),
            )}
          </Caption1>
        </div>
      )}
      <FlashBar flash={flash} />
      {error !== null && <ErrorBar error={error} />}
      {item?.status === 'rejected' && item.reviewNote && (
        <Notice intent="warning" title={t.content.rejectedNote}>
          {item.reviewNote}
        </Notice>
      )}
      {item?.status === 'archived' && <Notice intent="info">{t.content.archivedNote}</Notice>}

      {canReview && (
        <Panel as="section">
          <Subtitle1 as="h3" className={styles.heading}>
            {t.content.reviewTitle}
          </Subtitle1>
          <Body1>{own ? t.content.ownItemHint : t.content.reviewHint}</Body1>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => void act('approve')}
              disabledFocusable={acting !== null}
              data-testid="content-approve"
            >
              {t.content.approve}
            </Button>
            <Button
              onClick={() => {
                setNoteProblem(null);
                setNote('');
                setDialog('reject');
              }}
              disabledFocusable={acting !== null}
              aria-haspopup="dialog"
              {...restoreFocusTarget}
              data-testid="content-reject"
            >
              {t.content.reject}
            </Button>
            {acting === 'approve' && <Spinner size="tiny" label={t.content.saving} />}
          </div>
        </Panel>
      )}

      {published && <ItemStatsSection itemId={item.id} />}

      {canEdit ? (
        <ContentEditor item={item} onSave={save} busy={busy} serverProblems={serverProblems} />
      ) : (
        item && <ReadOnlyItem item={item} />
      )}

      {canArchive && (
        <div className={styles.actions}>
          <Button
            onClick={() => setDialog('archive')}
            aria-haspopup="dialog"
            {...restoreFocusTarget}
            data-testid="content-archive"
          >
            {t.content.archive}
          </Button>
        </div>
      )}

      {item && (
        <section aria-labelledby="content-history">
          <Subtitle1 as="h3" id="content-history" className={styles.heading}>
            {t.content.history}
          </Subtitle1>
          <ol className={styles.history} data-testid="content-history-list">
            {item.transitions.map((tr, i) => (
              <li key={i}>
                <Body1>
                  {t.content.historyEntry(
                    statusLabel(tr.to),
                    tr.actorName ?? t.content.someone,
                    formatDate(tr.at, true),
                  )}
                </Body1>
                {tr.note && (
                  <Caption1 className={styles.note} as="p">
                    {t.content.historyNote(tr.note)}
                  </Caption1>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {item && !published && <ItemStatsSection itemId={item.id} />}

      <Dialog open={dialogOpen} onOpenChange={(_, d) => !d.open && acting === null && setDialog(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{dialog === 'reject' ? t.content.rejectTitle : t.content.archiveTitle}</DialogTitle>
            <DialogContent>
              {dialog === 'reject' ? (
                <Field
                  label={t.content.rejectNote}
                  required
                  validationState={noteProblem ? 'error' : 'none'}
                  validationMessage={noteProblem ?? undefined}
                >
                  <Textarea
                    value={note}
                    onChange={(_, d) => setNote(d.value)}
                    rows={4}
                    resize="vertical"
                    data-testid="reject-note"
                  />
                </Field>
              ) : (
                <Body1 as="p">{t.content.archiveBody}</Body1>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => void act(dialog === 'reject' ? 'reject' : 'archive')}
                disabledFocusable={acting !== null}
                data-testid="confirm-action"
              >
                {dialog === 'reject' ? t.content.rejectConfirm : t.content.archiveConfirm}
              </Button>
              <Button onClick={() => setDialog(null)} disabledFocusable={acting !== null}>
                {t.content.cancel}
              </Button>
              {acting && acting !== 'approve' && <Spinner size="tiny" label={t.content.saving} />}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** What approvers (who do not edit) see: every field as text, and the LinkedIn preview. */
function ReadOnlyItem({ item }: { item: ContentDetail }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const editorStyles = useEditorStyles();
  const topics = useTopics();
  const { me } = useChorus();
  const first = item.captions[item.language][0] ?? '';
  const dash = '–';
  return (
    <div className={editorStyles.layout}>
      <div className={editorStyles.form}>
        <dl className={styles.dl}>
          <dt>{t.content.fieldLink}</dt>
          <dd>
            <a className={styles.link} href={item.linkUrl} target="_blank" rel="noopener noreferrer">
              {item.linkUrl}
            </a>
          </dd>
          <dt>{t.content.fieldTopic}</dt>
          <dd>{topics.label(item.topic)}</dd>
          <dt>{t.content.fieldLanguage}</dt>
          <dd>{t.content.languageName[item.language]}</dd>
          <dt>{t.content.fieldNetworks}</dt>
          <dd>{item.networks.map((n) => t.networks[n]).join(', ')}</dd>
          <dt>{t.content.validFrom}</dt>
          <dd>{item.validFrom ? formatDate(item.validFrom, true) : dash}</dd>
          <dt>{t.content.validTo}</dt>
          <dd>
            {item.validTo ? formatDate(item.validTo, true) : dash}
            {item.evergreen ? ` (${t.content.evergreen})` : ''}
          </dd>
          <dt>{t.content.pinnedShort}</dt>
          <dd>{item.pinned ? '✓' : dash}</dd>
          <dt>{t.content.advertisingShort}</dt>
          <dd>{item.advertising ? '✓' : dash}</dd>
        </dl>
        {(['da', 'en'] as const).map((lang) =>
          item.captions[lang].length > 0 ? (
            <section key={lang} aria-labelledby={`captions-ro-${lang}`}>
              <Subtitle2 as="h3" id={`captions-ro-${lang}`}>
                {t.content.captionsIn(t.content.languageName[lang])}
              </Subtitle2>
              <ol className={styles.captionList} lang={lang}>
                {item.captions[lang].map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ol>
            </section>
          ) : null,
        )}
        {item.body.trim() && (
          <section aria-labelledby="content-ro-body">
            <Subtitle2 as="h3" id="content-ro-body">
              {t.content.bodyShort}
            </Subtitle2>
            <Markdown source={item.body} headingLevel={4} />
          </section>
        )}
      </div>
      <aside className={editorStyles.aside} aria-labelledby="content-ro-preview">
        <Subtitle2 as="h3" id="content-ro-preview" className={styles.heading}>
          {t.content.previewTitle}
        </Subtitle2>
        <LinkedInPreview
          name={me.person.displayName}
          headline={me.person.jobTitle}
          text={withDisclosure(first, item.advertising, item.language).text}
          linkUrl={item.linkUrl}
          imageUrl={item.displayImageUrl}
          title={item.title}
          language={item.language}
        />
      </aside>
    </div>
  );
}
