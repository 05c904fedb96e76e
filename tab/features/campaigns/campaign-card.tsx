import { Suspense, lazy, useEffect, useId, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Subtitle1,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { MyCampaign } from '@contracts';
import { useI18n } from '../../i18n';
import { Panel } from '../../ui/layout';
import { useVisuallyHidden } from '../../ui/visually-hidden';
import { pitchFor } from './pitch';

// The confirmation (and Fluent's dialog code) loads on first use, keeping the initial bundle small.
const DeclineDialog = lazy(() => import('./decline-dialog'));

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, display: 'block' },
  image: {
    width: '100%',
    maxHeight: '220px',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusMedium,
  },
  pitch: {
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, whiteSpace: 'pre-line' },
  },
  nomination: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  quote: { margin: 0, whiteSpace: 'pre-line', fontStyle: 'italic' },
  voluntary: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  focused: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
});

/**
 * One open campaign for the signed-in person: the pitch in their language, who nominated them and
 * why, the plain line that joining is voluntary, Join and Not now. Reports "opened" once it is seen.
 */
export function CampaignCard({
  campaign,
  highlighted,
  onSeen,
  onJoin,
  onDecline,
}: {
  campaign: MyCampaign;
  /** A deep link pointed here: scroll to it and mark it. */
  highlighted: boolean;
  onSeen: (campaignId: string) => void;
  onJoin: (campaignId: string) => void;
  onDecline: (campaignId: string) => Promise<void>;
}) {
  const { t, language, formatDate } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const ids = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  const shown = pitchFor(campaign.pitch, language);
  const headingId = `${ids}-name`;

  // "Opened" means seen: at least half the card on screen (or at once, where that can't be known).
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof IntersectionObserver !== 'function') {
      onSeen(campaign.id);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          onSeen(campaign.id);
          observer.disconnect();
        }
      },
      { threshold: 0.5 },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [campaign.id, onSeen]);

  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);

  const nomination = campaign.nomination;
  return (
    <Panel
      as="li"
      className={mergeClasses(styles.card, highlighted && styles.focused)}
      data-testid="campaign-card"
    >
      <div ref={ref}>
        <Subtitle1 as="h3" id={headingId} className={styles.heading}>
          {campaign.name}
        </Subtitle1>
        <Caption1 className={styles.muted}>{t.campaigns.openUntil(formatDate(campaign.endsAt))}</Caption1>
      </div>
      {campaign.imageUrl && <img className={styles.image} src={campaign.imageUrl} alt="" />}
      {nomination && (
        <figure className={styles.nomination} data-testid="campaign-nomination">
          <figcaption>
            <Body1>{t.campaigns.nominatedBy(nomination.nominatorName, nomination.relation)}</Body1>
          </figcaption>
          {nomination.note && (
            <blockquote className={styles.quote}>
              <span className={hidden.root}>{t.campaigns.noteFrom(nomination.nominatorName)}: </span>
              <Body1>{nomination.note}</Body1>
            </blockquote>
          )}
        </figure>
      )}
      {shown && (
        <dl className={styles.pitch} lang={shown.language}>
          <div>
            <dt>{t.campaigns.why}</dt>
            <dd>{shown.pitch.why}</dd>
          </div>
          <div>
            <dt>{t.campaigns.effort}</dt>
            <dd>{shown.pitch.effort}</dd>
          </div>
          <div>
            <dt>{t.campaigns.support}</dt>
            <dd>{shown.pitch.support}</dd>
          </div>
        </dl>
      )}
      {shown?.fallback && (
        <Caption1 className={styles.muted}>
          {t.campaigns.otherLanguage(t.content.languageName[shown.language])}
        </Caption1>
      )}
      <Body1 className={styles.voluntary} data-testid="campaign-voluntary">
        {t.campaigns.voluntary}
      </Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => onJoin(campaign.id)}
          aria-describedby={headingId}
          data-testid="campaign-join"
        >
          {t.campaigns.join}
        </Button>
        <Button
          onClick={() => setConfirming(true)}
          {...restoreFocus}
          aria-haspopup="dialog"
          aria-describedby={headingId}
          data-testid="campaign-not-now"
        >
          {t.campaigns.notNow}
        </Button>
      </div>
      {confirming && (
        <Suspense fallback={null}>
          <DeclineDialog
            campaignName={campaign.name}
            onClose={() => setConfirming(false)}
            onConfirm={() => onDecline(campaign.id)}
          />
        </Suspense>
      )}
    </Panel>
  );
}
