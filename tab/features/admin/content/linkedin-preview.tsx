import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Language } from '@contracts';
import { useT } from '../../../i18n';
import { hostOf } from '../../share/post-text';

const useStyles = makeStyles({
  post: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '552px',
    paddingTop: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflow: 'hidden',
  },
  header: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  avatar: {
    flexShrink: 0,
    width: '48px',
    height: '48px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  textBox: { padding: `0 ${tokens.spacingHorizontalM}` },
  text: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  clamped: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  more: { minWidth: 0, padding: 0, height: 'auto', color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink },
  card: {
    display: 'flex',
    flexDirection: 'column',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  image: { display: 'block', width: '100%', aspectRatio: '1.91 / 1', objectFit: 'cover' },
  cardText: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  cardTitle: { fontWeight: tokens.fontWeightSemibold },
});

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part.charAt(0).toLocaleUpperCase())
      .join('') || '?'
  );
}

/**
 * How the post looks in a LinkedIn feed: the ambassador, the first two lines of text and
 * "…see more", then the link card with the image and title. A sketch, not LinkedIn's exact layout.
 */
export function LinkedInPreview({
  name,
  headline,
  text,
  linkUrl,
  imageUrl,
  title,
  language,
}: {
  name: string;
  headline: string | null;
  text: string;
  linkUrl: string;
  imageUrl: string | null;
  title: string;
  language: Language;
}) {
  const t = useT();
  const styles = useStyles();
  const textId = useId();
  const [expanded, setExpanded] = useState(false);
  const [overflowing, setOverflowing] = useState(false);
  const textRef = useRef<HTMLParagraphElement>(null);

  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el || expanded) return;
    setOverflowing(el.scrollHeight > el.clientHeight + 1);
  }, [text, expanded]);

  const host = linkUrl ? hostOf(linkUrl) : '';
  return (
    <div className={styles.post} data-testid="linkedin-preview">
      <div className={styles.header}>
        <div className={styles.avatar} aria-hidden="true">
          {initials(name)}
        </div>
        <div className={styles.who}>
          <Body1 className={styles.name}>{name}</Body1>
          {headline && <Caption1 className={styles.muted}>{headline}</Caption1>}
          <Caption1 className={styles.muted}>{t.content.previewNow}</Caption1>
        </div>
      </div>
      <div className={styles.textBox}>
        {text.trim() ? (
          <>
            <p
              id={textId}
              ref={textRef}
              className={mergeClasses(styles.text, !expanded && styles.clamped)}
              lang={language}
            >
              {text}
              {linkUrl && (
                <>
                  {'\n'}
                  <span className={styles.link}>{linkUrl}</span>
                </>
              )}
            </p>
            {(overflowing || expanded) && (
              <Button
                appearance="transparent"
                size="small"
                className={styles.more}
                aria-expanded={expanded}
                aria-controls={textId}
                onClick={() => setExpanded((v) => !v)}
              >
                {expanded ? t.content.seeLess : t.content.seeMore}
              </Button>
            )}
          </>
        ) : (
          <Caption1 className={styles.muted}>{t.content.previewEmpty}</Caption1>
        )}
      </div>
      {(imageUrl || title || host) && (
        <div className={styles.card}>
          {imageUrl && <img className={styles.image} src={imageUrl} alt={title} />}
          <div className={styles.cardText}>
            <Body1 className={styles.cardTitle} lang={language}>
              {title}
            </Body1>
            {host && <Caption1 className={styles.muted}>{host}</Caption1>}
          </div>
        </div>
      )}
    </div>
  );
}
