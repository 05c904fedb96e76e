import { useEffect, useId, useMemo, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  calculateReach,
  localiseSchemaMessage,
  ZReachInputs,
  type ReachInputs,
  type ReachPrefill,
} from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { asSentence, ErrorBar } from '../../../ui/error-bar';
import { DigestPreviewSection } from './digest-preview';
import { Loading, Panel, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';

const FIELDS = [
  'employees',
  'participationPercent',
  'averageConnections',
  'organicReachPercent',
  'postsPerWeek',
] as const;
type FieldName = (typeof FIELDS)[number];
type Draft = Record<FieldName, string>;

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2, display: 'block' },
  svg: { width: '100%', maxWidth: '560px', height: 'auto', display: 'block' },
  potential: { fill: tokens.colorBrandBackground },
  actual: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorNeutralForeground1,
    strokeWidth: 2,
  },
  track: { fill: tokens.colorNeutralBackground3 },
  chartLabel: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
});

/** The prefill as the form's text, one field each (numbers as the reader types them: no grouping). */
function draftOf(inputs: ReachInputs): Draft {
  return {
    employees: String(inputs.employees),
    participationPercent: String(inputs.participationPercent),
    averageConnections: String(inputs.averageConnections),
    organicReachPercent: String(inputs.organicReachPercent),
    postsPerWeek: String(inputs.postsPerWeek),
  };
}

/** "12,5" and "12.5" both mean twelve and a half; an empty field is no number. */
function toNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/**
 * The reach calculator (issue 6), at the bottom of Admin → Dashboard: prefilled from the org's real
 * numbers (GET /api/admin/reach), recalculated as comms types with the formula shared with the server
 * (src/contracts/reach.ts), and set against the actual figures in a bar chart with a text alternative.
 */
export function ReachCalculator() {
  const { t } = useI18n();
  const { api } = useChorus();
  const prefill = useAsync((signal) => api.reachPrefill(signal), 'reach-prefill');
  return (
    <>
      <Section id="reach-calculator" title={t.digest.title}>
        {prefill.error !== null && <ErrorBar error={prefill.error} onRetry={() => void prefill.reload()} />}
        {prefill.data ? (
          <Calculator prefill={prefill.data} />
        ) : (
          prefill.error === null && <Loading label={t.digest.loading} />
        )}
      </Section>
      <DigestPreviewSection />
    </>
  );
}

function Calculator({ prefill }: { prefill: ReachPrefill }) {
  const { t, language, formatNumber } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(prefill.inputs));
  useEffect(() => setDraft(draftOf(prefill.inputs)), [prefill]);

  // The contract's own schema checks each field, and its words are shown in the reader's language.
  const parsed = useMemo(() => {
    const values = Object.fromEntries(FIELDS.map((f) => [f, toNumber(draft[f])]));
    const result = ZReachInputs.safeParse(values);
    const errors: Partial<Record<FieldName, string>> = {};
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path[0] as FieldName;
        errors[field] ??= asSentence(localiseSchemaMessage(issue.message, language));
      }
    }
    return { inputs: result.success ? result.data : null, errors };
  }, [draft, language]);
  const result = parsed.inputs ? calculateReach(parsed.inputs) : null;
  const whole = (n: number) => formatNumber(Math.round(n));
  const { actuals, assumed, minGroupSize: min, windowDays } = prefill;

  const hints: Record<FieldName, string> = {
    employees: t.digest.employeesHint,
    participationPercent: t.digest.participationHint(formatNumber(actuals.members)),
    averageConnections: assumed.averageConnections
      ? t.digest.connectionsAssumedHint(min)
      : t.digest.connectionsActualHint(formatNumber(actuals.statedNetworkSizes)),
    organicReachPercent: assumed.organicReachRate ? t.digest.organicAssumedHint : t.digest.organicActualHint,
    postsPerWeek: assumed.postsPerWeek
      ? t.digest.postsAssumedHint(min)
      : t.digest.postsActualHint(windowDays),
  };
  const labels: Record<FieldName, string> = {
    employees: t.digest.employees,
    participationPercent: t.digest.participation,
    averageConnections: t.digest.connections,
    organicReachPercent: t.digest.organicRate,
    postsPerWeek: t.digest.postsPerWeek,
  };
  const isAssumed: Record<FieldName, boolean> = {
    employees: false,
    participationPercent: false,
    averageConnections: assumed.averageConnections,
    organicReachPercent: assumed.organicReachRate,
    postsPerWeek: assumed.postsPerWeek,
  };
  const hidden = t.digest.hiddenUnder(min);

  return (
    <>
      <Body1 as="p" className={styles.intro}>
        {t.digest.intro}
      </Body1>
      <Panel>
        <Subtitle2 as="h3" className={styles.heading}>
          {t.digest.inputsHeading}
        </Subtitle2>
        <div className={styles.form}>
          {FIELDS.map((field) => (
            <Field
              key={field}
              label={
                <>
                  {labels[field]}{' '}
                  {isAssumed[field] && (
                    <Badge appearance="outline" color="informative" size="small">
                      {t.digest.assumed}
                    </Badge>
                  )}
                </>
              }
              hint={hints[field]}
              validationState={parsed.errors[field] ? 'error' : 'none'}
              validationMessage={parsed.errors[field]}
            >
              <Input
                type="number"
                inputMode="decimal"
                min={0}
                max={field.endsWith('Percent') ? 100 : undefined}
                step="any"
                value={draft[field]}
                onChange={(_, data) => setDraft((d) => ({ ...d, [field]: data.value }))}
                data-testid={`reach-${field}`}
              />
            </Field>
          ))}
        </div>
        <div className={styles.actions}>
          <Button onClick={() => setDraft(draftOf(prefill.inputs))} data-testid="reach-reset">
            {t.digest.reset}
          </Button>
        </div>
      </Panel>

      <Subtitle2 as="h3" className={styles.heading}>
        {t.digest.resultsHeading}
      </Subtitle2>
      {result ? (
        <dl className={styles.grid} aria-live="polite">
          {[
            { key: 'ambassadors', label: t.digest.ambassadors, value: whole(result.ambassadors) },
            { key: 'per-post', label: t.digest.impressionsPerPost, value: whole(result.impressionsPerPost) },
            { key: 'weekly', label: t.digest.weeklyReach, value: whole(result.weeklyReach) },
            { key: 'monthly', label: t.digest.monthlyReach, value: whole(result.monthlyReach) },
          ].map((n) => (
            <Panel key={n.key} data-testid={`reach-result-${n.key}`}>
              <dt className={styles.label}>{n.label}</dt>
              <dd className={styles.value}>
                <Title3>{n.value}</Title3>
              </dd>
            </Panel>
          ))}
        </dl>
      ) : (
        <Body1 as="p" role="status">
          {t.digest.fixInputs}
        </Body1>
      )}

      {result && <ReachChart potential={result.weeklyReach} actual={actuals.weeklyReach} />}

      <Subtitle2 as="h3" className={styles.heading}>
        {t.digest.actualsHeading}
      </Subtitle2>
      <dl className={styles.grid}>
        {[
          { key: 'members', label: t.digest.members, value: formatNumber(actuals.members) },
          {
            key: 'network',
            label: t.digest.averageNetworkSize,
            value: actuals.averageNetworkSize === null ? hidden : whole(actuals.averageNetworkSize),
          },
          {
            key: 'shares',
            label: t.digest.sharesPerWeek(windowDays),
            value:
              actuals.sharesPerWeek === null
                ? hidden
                : formatNumber(Math.round(actuals.sharesPerWeek * 10) / 10),
          },
          {
            key: 'reach',
            label: t.digest.actualWeeklyReach,
            value: actuals.weeklyReach === null ? hidden : whole(actuals.weeklyReach),
          },
        ].map((n) => (
          <Panel key={n.key} data-testid={`reach-actual-${n.key}`}>
            <dt className={styles.label}>{n.label}</dt>
            <dd className={styles.value}>
              {/* "Hidden (fewer than 5)" is a sentence, not a figure: body text, not a headline number. */}
              {n.value === hidden ? <Body1>{n.value}</Body1> : <Title3>{n.value}</Title3>}
            </dd>
          </Panel>
        ))}
      </dl>
      <Caption1 className={styles.note}>{t.digest.actualReachNote}</Caption1>
    </>
  );
}

const WIDTH = 560;
const BAR_H = 28;
const LABEL_W = 90;
const VALUE_W = 90;

/**
 * Two horizontal bars, potential (filled) and actual (outlined), so they differ without colour. The
 * svg's accessible name says both numbers; the bars themselves are hidden from screen readers.
 */
function ReachChart({ potential, actual }: { potential: number; actual: number | null }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const headingId = useId();
  const max = Math.max(1, potential, actual ?? 0);
  const plot = WIDTH - LABEL_W - VALUE_W;
  const bars = [
    { key: 'potential', label: t.digest.potentialBar, value: potential, className: styles.potential },
    { key: 'actual', label: t.digest.actualBar, value: actual, className: styles.actual },
  ];
  const text = (n: number | null) => (n === null ? t.digest.chartActualHidden : formatNumber(Math.round(n)));
  return (
    <div>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t.digest.chartHeading}
      </Subtitle2>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${bars.length * (BAR_H + 12)}`}
        role="img"
        aria-labelledby={headingId}
        aria-describedby={`${headingId}-summary`}
        data-testid="reach-chart"
      >
        <desc id={`${headingId}-summary`}>{t.digest.chartSummary(text(potential), text(actual))}</desc>
        <g aria-hidden="true">
          {bars.map((bar, i) => {
            const y = i * (BAR_H + 12) + 4;
            const w = bar.value === null ? 0 : Math.max(2, (bar.value / max) * plot);
            return (
              <g key={bar.key}>
                <text className={styles.chartLabel} x={0} y={y + BAR_H / 2 + 5}>
                  {bar.label}
                </text>
                <rect className={styles.track} x={LABEL_W} y={y} width={plot} height={BAR_H} rx={2} />
                {bar.value !== null && (
                  <rect className={bar.className} x={LABEL_W} y={y} width={w} height={BAR_H} rx={2} />
                )}
                <text className={styles.chartLabel} x={LABEL_W + plot + 8} y={y + BAR_H / 2 + 5}>
                  {text(bar.value)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
