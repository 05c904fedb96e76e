import { Body1, Caption1, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { GroupCountView, OnboardingSummaryView } from '@contracts';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { Loading, Panel, Section } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2, display: 'block' },
  heading: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalS}` },
});

/**
 * Comms' view of the bot's onboarding, in aggregate (GET /api/admin/onboarding): how many people are at
 * each step, completed, stalled, and the median time to complete. Groups under five are never shown
 * as a number (GDPR); the server hides them, and this view says so.
 */
export function OnboardingProgress() {
  const { t } = useI18n();
  const { api } = useChorus();
  const summary = useAsync(() => api.onboardingSummary(), 'onboarding-summary');
  return (
    <Section id="admin-onboarding" title={t.admin.onboardingTitle}>
      {summary.error !== null && <ErrorBar error={summary.error} onRetry={() => void summary.reload()} />}
      {summary.data ? (
        <OnboardingNumbers summary={summary.data} />
      ) : (
        summary.error === null && <Loading label={t.admin.onboardingLoading} />
      )}
    </Section>
  );
}

function OnboardingNumbers({ summary }: { summary: OnboardingSummaryView }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  if (summary.empty) return <Body1 as="p">{t.admin.onboardingEmpty}</Body1>;
  const min = summary.minGroupSize;
  const count = (group: GroupCountView) =>
    group.hidden || group.count === null ? t.admin.onboardingFewer(min) : formatNumber(group.count);
  const totals = [
    { key: 'completed', label: t.admin.onboardingCompleted, value: count(summary.completed) },
    { key: 'stalled', label: t.admin.onboardingStalled(summary.stallDays), value: count(summary.stalled) },
    {
      key: 'median',
      label: t.admin.onboardingMedian,
      value:
        summary.medianDaysToComplete === null
          ? t.admin.onboardingMedianHidden(min)
          : t.admin.onboardingMedianDays(summary.medianDaysToComplete),
    },
  ];
  return (
    <>
      <Caption1 className={styles.hint}>{t.admin.onboardingHint(min)}</Caption1>
      <dl className={styles.grid}>
        {totals.map((n) => (
          <Panel key={n.key} className={styles.card} data-testid={`onboarding-${n.key}`}>
            <dt className={styles.label}>{n.label}</dt>
            <dd className={styles.value}>
              <Title2>{n.value}</Title2>
            </dd>
          </Panel>
        ))}
      </dl>
      <Subtitle2 as="h3" className={styles.heading}>
        {t.admin.onboardingAtStep}
      </Subtitle2>
      <dl className={styles.grid}>
        {summary.steps.map((s) => (
          <Panel key={s.step} className={styles.card} data-testid={`onboarding-step-${s.step}`}>
            <dt className={styles.label}>{t.admin.onboardingSteps[s.step] ?? s.step}</dt>
            <dd className={styles.value}>
              <Title2>{count(s.people)}</Title2>
            </dd>
          </Panel>
        ))}
      </dl>
    </>
  );
}
