import { makeStyles, tokens } from '@fluentui/react-components';
import { niceMax, truncate } from './scale';

const WIDTH = 640;
const LABEL_W = 170;
const VALUE_W = 96;
const BAR = 16;
const GAP = 3;
const ROW_GAP = 12;
const TOP = 6;

/** 'solid' is a filled bar; 'outline' an outlined one, so two series differ by more than colour. */
export interface BarSeries {
  key: string;
  label: string;
  variant: 'solid' | 'outline';
}

export interface BarRow {
  key: string;
  label: string;
  /** One value per series; null is hidden (too few people to show), and drawn as words. */
  values: (number | null)[];
}

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', display: 'block', maxWidth: `${WIDTH}px` },
  track: { fill: tokens.colorNeutralBackground3 },
  solid: { fill: tokens.colorBrandBackground },
  outline: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
  reference: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5, strokeDasharray: '4 3' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: {
    fill: tokens.colorNeutralForeground2,
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
    fontStyle: 'italic',
  },
});

/** The swatch for a series in a legend: the same shape the chart draws. */
export function BarSwatch({ variant }: { variant: BarSeries['variant'] }) {
  const styles = useStyles();
  return (
    <svg width="14" height="14" viewBox="0 0 14 14">
      <rect
        className={variant === 'solid' ? styles.solid : styles.outline}
        x="1.5"
        y="1.5"
        width="11"
        height="11"
      />
    </svg>
  );
}

/**
 * Horizontal bars, one group per row (a network, a department, a funnel stage), each bar with its
 * value written after it. An optional reference line marks a target (100 % of a goal, for example).
 * The svg is one image for screen readers, labelled by `summary`; pair it with a table.
 */
export function BarChart({
  rows,
  series,
  summary,
  formatValue,
  hiddenText,
  reference,
  max: fixedMax,
  testId,
}: {
  rows: BarRow[];
  series: BarSeries[];
  summary: string;
  formatValue: (n: number) => string;
  /** Written instead of a bar for a hidden (null) value. */
  hiddenText: string;
  reference?: { value: number; label: string };
  /** The axis's end; by default a round number above the largest value. */
  max?: number;
  testId?: string;
}) {
  const styles = useStyles();
  const values = rows.flatMap((r) => r.values.filter((v): v is number => v !== null));
  const max = fixedMax ?? niceMax(Math.max(0, reference?.value ?? 0, ...values));
  const plotW = WIDTH - LABEL_W - VALUE_W;
  const rowH = series.length * (BAR + GAP) - GAP + ROW_GAP;
  const top = TOP + (reference ? 20 : 0);
  const height = top + rows.length * rowH;
  const w = (value: number) => Math.max(0, Math.min(1, value / max)) * plotW;

  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={summary}
      data-testid={testId}
    >
      <g aria-hidden="true">
        {rows.map((row, r) => {
          const y0 = top + r * rowH;
          const labelY = y0 + (series.length * (BAR + GAP) - GAP) / 2 + 4;
          return (
            <g key={row.key} data-row={row.key}>
              <text className={styles.label} x={0} y={labelY}>
                <title>{row.label}</title>
                {truncate(row.label, 24)}
              </text>
              {series.map((s, i) => {
                const value = row.values[i] ?? null;
                const y = y0 + i * (BAR + GAP);
                if (value === null) {
                  return (
                    <text key={s.key} className={styles.muted} x={LABEL_W} y={y + BAR - 4}>
                      {hiddenText}
                    </text>
                  );
                }
                return (
                  <g key={s.key}>
                    <rect className={styles.track} x={LABEL_W} y={y} width={plotW} height={BAR} />
                    <rect
                      className={s.variant === 'solid' ? styles.solid : styles.outline}
                      x={LABEL_W}
                      y={y}
                      width={Math.max(value > 0 ? 2 : 0, w(value))}
                      height={BAR}
                      data-value={value}
                    />
                    <text className={styles.value} x={LABEL_W + plotW + 8} y={y + BAR - 4}>
                      {formatValue(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        {reference && (
          <g>
            <line
              className={styles.reference}
              x1={LABEL_W + w(reference.value)}
              x2={LABEL_W + w(reference.value)}
              y1={TOP + 14}
              y2={height - ROW_GAP / 2}
            />
            <text className={styles.value} x={LABEL_W + w(reference.value)} y={TOP + 10} textAnchor="middle">
              {reference.label}
            </text>
          </g>
        )}
      </g>
    </svg>
  );
}
