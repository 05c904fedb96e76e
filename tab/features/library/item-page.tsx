import {
  Body1,
  Button,
  Caption1,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { isApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { EmptyState, Loading, Panel, Pill } from '../../ui/layout';
import { Markdown } from '../../ui/markdown';
import { useAsync } from '../../ui/use-async';
import { hostOf } from '../share/post-text';
import { preloadShareDialog, useShareDialog } from '../share/share-launcher';
import { useTopics } from './use-topics';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  back: {
    alignSelf: 'flex-start',
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
  heading: { margin: 0 },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  image: {
    display: 'block',
    width: '100%',
    maxHeight: '420px',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  caption: { margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  sectionHeading: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  link: { color: tokens.colorBrandForegroundLink },
});

/** One library item at /items/<id>: the deep link that chat cards and the message extension point to. */
export function ItemPage({ itemId }: { itemId: string }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api, closeItem } = useChorus();
  const topics = useTopics();
  const item = useAsync((signal) => api.libraryItem(itemId, signal), itemId);
  const { openShare, dialog } = useShareDialog();
  const restoreFocusTarget = useRestoreFocusTarget();

  const back = (
    <a
      className={styles.back}
      href="/?tab=library"
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        closeItem();
      }}
      data-testid="back-to-library"
    >
      {t.item.back}
    </a>
  );

  if (item.data === undefined) {
    const notFound = isApiError(item.error) && item.error.status === 404;
    return (
      <div className={styles.page}>
        {back}
        {notFound ? (
          <EmptyState id="item-not-found" title={t.item.notFoundTitle}>
            <Body1 as="p">{t.item.notFoundBody}</Body1>
          </EmptyState>
        ) : item.error !== null ? (
          <ErrorBar error={item.error} onRetry={() => void item.reload()} />
        ) : (
          <Loading label={t.item.loading} />
        )}
      </div>
    );
  }

  const data = item.data;
  return (
    <article className={styles.page} aria-labelledby="item-title" data-testid="item-page">
      {back}
      <Title2 as="h1" id="item-title" className={styles.heading} lang={data.language}>
        {data.title}
      </Title2>
      <ul className={styles.badges}>
        {data.pinned && (
          <li>
            <Pill strong>{t.library.pinned}</Pill>
          </li>
        )}
        <li>
          <Pill>{topics.label(data.topic)}</Pill>
        </li>
        <li>
          <Pill>
            <span lang={data.language}>{t.languageNames[data.language]}</span>
          </Pill>
        </li>
      </ul>
      {data.imageUrl && <img className={styles.image} src={data.imageUrl} alt={data.title} />}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          aria-haspopup="dialog"
          onClick={() => openShare(data)}
          onPointerEnter={preloadShareDialog}
          onFocus={preloadShareDialog}
          data-testid="share-button"
          {...restoreFocusTarget}
        >
          {t.library.share}
        </Button>
        <Caption1 className={styles.meta}>
          {t.library.shareCount(data.shareCount)}
          {data.publishedAt ? ` · ${t.library.published(formatDate(data.publishedAt))}` : ''}
        </Caption1>
      </div>
      {data.caption && (
        <Panel as="section">
          <Subtitle2 as="h2" className={styles.sectionHeading}>
            {t.item.suggestedCaption}
          </Subtitle2>
          <Body1 as="p" className={styles.caption} lang={data.language}>
            {data.caption}
          </Body1>
        </Panel>
      )}
      {data.body.trim() && (
        <section aria-label={t.item.about} lang={data.language}>
          <Markdown source={data.body} headingLevel={2} />
        </section>
      )}
      <p>
        <a className={styles.link} href={data.linkUrl} target="_blank" rel="noopener noreferrer">
          {t.item.original(hostOf(data.linkUrl))}
        </a>
      </p>
      {dialog}
    </article>
  );
}
