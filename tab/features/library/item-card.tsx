import { useId, type MouseEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { LibraryItem } from '@contracts';
import { useI18n } from '../../i18n';
import { itemPath, useChorus } from '../../state/chorus-context';
import { Pill } from '../../ui/layout';
import { preloadShareDialog } from '../share/share-launcher';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  media: {
    display: 'block',
    width: '100%',
    aspectRatio: '1.91 / 1',
    objectFit: 'cover',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  placeholder: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    flexGrow: 1,
  },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  title: { margin: 0 },
  titleLink: {
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline', color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  caption: {
    margin: 0,
    whiteSpace: 'pre-line',
    display: '-webkit-box',
    WebkitLineClamp: 4,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
  },
});

/** Opens an item page in the app on a plain click; modified clicks keep the browser's behaviour. */
export function useItemLinkHandler(itemId: string) {
  const { openItem } = useChorus();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openItem(itemId);
  };
}

/** One library item: image, badges, title (a link to its page), the caption's start, and Share. */
export function ItemCard({
  item,
  topicLabel,
  onShare,
  headingLevel = 2,
}: {
  item: LibraryItem;
  topicLabel: string;
  onShare: (item: LibraryItem) => void;
  headingLevel?: 2 | 3;
}) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const onTitleClick = useItemLinkHandler(item.id);
  const restoreFocusTarget = useRestoreFocusTarget();
  const networkNames = item.networks.map((n) => t.networks[n]).join(', ');
  return (
    <article className={styles.card} aria-labelledby={titleId} data-testid={`library-item-${item.id}`}>
      {item.imageUrl ? (
        <img className={styles.media} src={item.imageUrl} alt={item.title} loading="lazy" />
      ) : (
        <div className={`${styles.media} ${styles.placeholder}`} aria-hidden="true">
          {topicLabel}
        </div>
      )}
      <div className={styles.body}>
        <ul className={styles.badges}>
          {item.pinned && (
            <li>
              <Pill strong>{t.library.pinned}</Pill>
            </li>
          )}
          <li>
            <Pill>{topicLabel}</Pill>
          </li>
          <li>
            <Pill>
              <span lang={item.language}>{t.languageNames[item.language]}</span>
            </Pill>
          </li>
        </ul>
        <Subtitle2 as={headingLevel === 2 ? 'h2' : 'h3'} className={styles.title} id={titleId}>
          <a
            className={styles.titleLink}
            href={itemPath(item.id)}
            onClick={onTitleClick}
            lang={item.language}
            data-testid="item-title-link"
          >
            {item.title}
          </a>
        </Subtitle2>
        {item.caption && (
          <Body1 as="p" className={styles.caption} lang={item.language}>
            {item.caption}
          </Body1>
        )}
        <Caption1 className={styles.meta}>
          {t.library.shareCount(item.shareCount)}
          {item.publishedAt ? ` · ${t.library.published(formatDate(item.publishedAt))}` : ''}
        </Caption1>
        <Caption1 className={styles.meta}>{t.library.networks(networkNames)}</Caption1>
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          aria-haspopup="dialog"
          aria-label={t.library.shareItem(item.title)}
          onClick={() => onShare(item)}
          onPointerEnter={preloadShareDialog}
          onFocus={preloadShareDialog}
          data-testid="share-button"
          {...restoreFocusTarget}
        >
          {t.library.share}
        </Button>
      </div>
    </article>
  );
}
