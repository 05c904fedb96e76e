import { makeStyles, tokens } from '@fluentui/react-components';
import { niceMax } from './scale';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 16, bottom: 28, left: 44 };

/** 'area' is a filled area with an outline; 'line' a line with a dot on each point (two shapes). */
export interface LineSeries {
  key: string;
  label: string;
  values: number[];
  variant: 'area' | 'line';
}

const useStyles = makeStyles({
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: '2 3' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  area: { fill: tokens.colorBrandBackground2, stroke: tokens.colorBrandForeground1, strokeWidth: 1.5 },
  line: { fill: 'none', stroke: tokens.colorNeutralForeground1, strokeWidth: 2 },
  dot: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
});

/** The swatch for a series in a legend: the same shape the chart draws. */
export function LineSwatch({ variant }: { variant: LineSeries['variant'] }) {
  const styles = useStyles();
  return variant === 'area' ? (
    <svg width="14" height="14" viewBox="0 0 14 14">
      <rect className={styles.area} x="1.5" y="3" width="11" height="9" />
    </svg>
  ) : (
    <svg width="22" height="14" viewBox="0 0 22 14">
      <path className={styles.line} d="M1,7 L21,7" />
      <circle className={styles.dot} cx="11" cy="7" r="3" />
    </svg>
  );
}

/**
 * Values over time (one point per day), with the y-axis's scale and dates along the x-axis. The svg
 * is one image for screen readers, labelled by `summary`; pair it with a table of the numbers.
 */
export function LineChart({
  labels,
  series,
  summary,
  formatNumber,
  testId,
}: {
  /** One label per point (the day), drawn under the x-axis where there is room. */
  labels: string[];
  series: LineSeries[];
  summary: string;
  formatNumber: (n: number) => string;
  testId?: string;
}) {
  const styles = useStyles();
  const count = labels.length;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const baseline = PAD.top + plotH;
  const x = (i: number) => PAD.left + (count <= 1 ? plotW / 2 : (plotW * i) / (count - 1));
  const y = (value: number) => baseline - (value / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(count / 6));
  const points = (values: number[]) => values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  // A dot on every point, smaller when the points crowd: the dots tell the line from the area in
  // high contrast, where both are drawn in the same colour.
  const dotR = count <= 31 ? 3 : 2;

  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={summary}
      data-testid={testId}
    >
      <g aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className={tick === 0 ? styles.axis : styles.grid}
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className={styles.label} x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(Math.round(tick))}
            </text>
          </g>
        ))}
        {series.map((s) => {
          const line = points(s.values);
          if (line.length === 0) return null;
          if (s.variant === 'area') {
            const d = `M${x(0).toFixed(1)},${baseline} L${line.join(' L')} L${x(s.values.length - 1).toFixed(1)},${baseline} Z`;
            return <path key={s.key} className={styles.area} d={d} data-series={s.key} />;
          }
          return (
            <g key={s.key} data-series={s.key}>
              <path className={styles.line} d={`M${line.join(' L')}`} />
              {s.values.map((v, i) => (
                <circle key={i} className={styles.dot} cx={x(i)} cy={y(v)} r={dotR} />
              ))}
            </g>
          );
        })}
        {labels.map((label, i) =>
          (i % labelEvery === 0 && count - 1 - i >= labelEvery / 2) || i === count - 1 ? (
            <text
              key={`${label}-${i}`}
              className={styles.label}
              x={x(i)}
              y={HEIGHT - 8}
              textAnchor={i === 0 ? 'start' : i === count - 1 ? 'end' : 'middle'}
            >
              {label}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}
