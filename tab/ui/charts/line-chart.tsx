import { useId } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
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
  areaFill: { fill: tokens.colorBrandBackground2, stroke: 'none' },
  areaEdge: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 1.5 },
  line: { fill: 'none', stroke: tokens.colorNeutralForeground1, strokeWidth: 2 },
  dot: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
  // The partial day ("so far"): dashed edges over a hatched, lighter fill. The hatching and the dashes
  // are drawn in the same foreground colours as the whole days, so they keep their contrast in every
  // theme (high contrast included); the difference is in shape, not in colour.
  dashed: { strokeDasharray: '4 3' },
  partialDot: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorNeutralForeground1,
    strokeWidth: 1.5,
    strokeDasharray: '2 1.5',
  },
  hatchGround: { fill: tokens.colorNeutralBackground1 },
  swatchEdge: { stroke: tokens.colorBrandForeground1, strokeWidth: 1.5, strokeDasharray: '3 2' },
  hatchLine: { stroke: tokens.colorBrandForeground1, strokeWidth: 1.5 },
  hover: { fill: 'transparent', stroke: 'none' },
  // A quiet band behind the partial day, edged by a dashed rule, so it stands out even when the
  // points crowd (90 days): the rule is in an accessible stroke colour, the band only a tint.
  band: { fill: tokens.colorNeutralBackground3 },
  bandEdge: { stroke: tokens.colorNeutralStrokeAccessible, strokeWidth: 1, strokeDasharray: '2 3' },
});

/** An id usable in url(#…): React's ids carry characters that need escaping there. */
function usePatternId(): string {
  return `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/** The hatching that fills the partial day's area (a <pattern>, referenced by its id). */
function Hatch({ id }: { id: string }) {
  const styles = useStyles();
  return (
    <defs>
      <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect className={styles.hatchGround} width="6" height="6" />
        <line className={styles.hatchLine} x1="0" y1="0" x2="0" y2="6" />
      </pattern>
    </defs>
  );
}

/** The swatch for the partial day in a legend: the hatched area and dashed edge the chart draws. */
export function PartialSwatch() {
  const styles = useStyles();
  const hatch = usePatternId();
  return (
    <svg width="16" height="14" viewBox="0 0 16 14">
      <Hatch id={hatch} />
      <rect className={styles.swatchEdge} x="1.5" y="1.5" width="13" height="11" fill={`url(#${hatch})`} />
    </svg>
  );
}

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
  partialFrom,
  pointNames,
  testId,
}: {
  /** One label per point (the day), drawn under the x-axis where there is room. */
  labels: string[];
  series: LineSeries[];
  summary: string;
  formatNumber: (n: number) => string;
  /**
   * The first point still being counted (today, so far): it and any after it are drawn dashed over
   * a hatched area, so a day not yet over does not read as a drop. Absent when every point is whole.
   */
  partialFrom?: number;
  /** One name per point for its tooltip ("4 May", "Today (so far)"); the labels by default. */
  pointNames?: string[];
  testId?: string;
}) {
  const styles = useStyles();
  const hatch = usePatternId();
  const count = labels.length;
  const cut = partialFrom === undefined || partialFrom >= count ? count : Math.max(0, partialFrom);
  // The segment into the first partial point is already partial: it ends on a number still growing.
  const wholeEnd = Math.max(0, cut - 1);
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const baseline = PAD.top + plotH;
  const x = (i: number) => PAD.left + (count <= 1 ? plotW / 2 : (plotW * i) / (count - 1));
  const y = (value: number) => baseline - (value / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(count / 6));
  const points = (values: number[]) => values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  const areaOf = (line: string[], from: number, to: number) =>
    `M${x(from).toFixed(1)},${baseline} L${line.slice(from, to + 1).join(' L')} L${x(to).toFixed(1)},${baseline} Z`;
  const edgeOf = (line: string[], from: number, to: number) => `M${line.slice(from, to + 1).join(' L')}`;
  const step = count <= 1 ? plotW : plotW / (count - 1);
  // The partial day's band: half a step before its point (at least 8 units) to just past the last.
  const bandFrom = Math.max(PAD.left, x(cut) - Math.max(step / 2, 8));
  const bandTo = Math.min(WIDTH, x(count - 1) + Math.max(Math.min(step / 2, PAD.right), 8));
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
        {cut < count && (
          <g data-partial-band="true">
            <rect className={styles.band} x={bandFrom} y={PAD.top} width={bandTo - bandFrom} height={plotH} />
            <line className={styles.bandEdge} x1={bandFrom} x2={bandFrom} y1={PAD.top} y2={baseline} />
          </g>
        )}
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
        {cut < count && <Hatch id={hatch} />}
        {series.map((s) => {
          const line = points(s.values);
          if (line.length === 0) return null;
          const last = line.length - 1;
          const whole = Math.min(wholeEnd, last);
          const hasWhole = cut > 0;
          const hasPartial = cut <= last;
          if (s.variant === 'area') {
            return (
              <g key={s.key} data-series={s.key}>
                {hasWhole && <path className={styles.areaFill} d={areaOf(line, 0, whole)} />}
                {hasPartial && (
                  <path d={areaOf(line, whole, last)} fill={`url(#${hatch})`} data-partial="true" />
                )}
                {hasWhole && <path className={styles.areaEdge} d={edgeOf(line, 0, whole)} />}
                {hasPartial && (
                  <path
                    className={mergeClasses(styles.areaEdge, styles.dashed)}
                    d={edgeOf(line, whole, last)}
                  />
                )}
              </g>
            );
          }
          return (
            <g key={s.key} data-series={s.key}>
              {hasWhole && <path className={styles.line} d={edgeOf(line, 0, whole)} />}
              {hasPartial && (
                <path className={mergeClasses(styles.line, styles.dashed)} d={edgeOf(line, whole, last)} />
              )}
              {s.values.map((v, i) =>
                i >= cut ? (
                  <circle
                    key={i}
                    className={styles.partialDot}
                    cx={x(i)}
                    cy={y(v)}
                    r={dotR + 1}
                    data-partial="true"
                  />
                ) : (
                  <circle key={i} className={styles.dot} cx={x(i)} cy={y(v)} r={dotR} />
                ),
              )}
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
        {/* A hover target per point, its tooltip naming the day and every series' value there. */}
        {labels.map((label, i) => (
          <rect
            key={`hover-${i}`}
            className={styles.hover}
            x={Math.max(PAD.left, x(i) - step / 2)}
            y={PAD.top}
            width={Math.min(WIDTH - PAD.right, x(i) + step / 2) - Math.max(PAD.left, x(i) - step / 2)}
            height={plotH}
            data-partial={i >= cut ? 'true' : undefined}
          >
            <title>
              {[
                pointNames?.[i] ?? label,
                ...series.map((s) => `${s.label}: ${formatNumber(s.values[i] ?? 0)}`),
              ].join('\n')}
            </title>
          </rect>
        ))}
      </g>
    </svg>
  );
}
