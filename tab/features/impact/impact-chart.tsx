import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import { useVisuallyHidden } from '../../ui/visually-hidden';

export interface DailyPoint {
  date: string;
  shares: number;
  clicks: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 36 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  svg: { width: '100%', height: 'auto', display: 'block', overflow: 'visible' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: '2 3' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  clicks: { fill: tokens.colorBrandBackground },
  shares: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorNeutralForeground1,
    strokeWidth: 2,
  },
  sharesLine: { fill: 'none', stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  table: { borderCollapse: 'collapse' },
});

/** 2026-05-04 → a short local date ("4 May" / "4. maj"). */
function useShortDate() {
  const { language } = useI18n();
  const format = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return (date: string) => {
    const d = new Date(`${date}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? date : format.format(d);
  };
}

function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value) return Math.ceil(candidate);
  }
  return value;
}

/**
 * Clicks per day as bars and shares per day as a line with markers (two shapes, so it reads without
 * colour, in high contrast too). Screen readers get a summary and the numbers as a table.
 */
export function ImpactChart({ points, summary }: { points: DailyPoint[]; summary: string }) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const shortDate = useShortDate();
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.clicks, p.shares))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, points.length);
  const barW = Math.max(1, Math.min(18, slot * 0.6));
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const x = (index: number) => PAD.left + slot * index + slot / 2;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.shares).toFixed(1)}`);

  return (
    <div className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-testid="impact-chart"
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
          {points.map((p, i) => (
            <rect
              key={`c${p.date}`}
              className={styles.clicks}
              x={x(i) - barW / 2}
              y={y(p.clicks)}
              width={barW}
              height={Math.max(0, PAD.top + plotH - y(p.clicks))}
              rx={1}
            />
          ))}
          {points.length > 1 && <path className={styles.sharesLine} d={line.join(' ')} />}
          {points.map((p, i) =>
            p.shares > 0 ? (
              <circle key={`s${p.date}`} className={styles.shares} cx={x(i)} cy={y(p.shares)} r={3.5} />
            ) : null,
          )}
          {points.map((p, i) =>
            i % labelEvery === 0 || i === points.length - 1 ? (
              <text
                key={`l${p.date}`}
                className={styles.label}
                x={x(i)}
                y={HEIGHT - 8}
                textAnchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
              >
                {shortDate(p.date)}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        <li className={styles.legendItem}>
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect className={styles.clicks} x="2" y="2" width="10" height="10" rx="1" />
          </svg>
          {t.impact.clicks}
        </li>
        <li className={styles.legendItem}>
          <svg width="22" height="14" viewBox="0 0 22 14">
            <path className={styles.sharesLine} d="M1,7 L21,7" />
            <circle className={styles.shares} cx="11" cy="7" r="3.5" />
          </svg>
          {t.impact.shares}
        </li>
      </ul>
      <table className={hidden.root}>
        <caption>{t.impact.chartTable}</caption>
        <thead>
          <tr>
            <th scope="col">{t.impact.date}</th>
            <th scope="col">{t.impact.shares}</th>
            <th scope="col">{t.impact.clicks}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{shortDate(p.date)}</th>
              <td>{formatNumber(p.shares)}</td>
              <td>{formatNumber(p.clicks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every day of the period, oldest first, with zeros for days without activity. */
export function fillDays(daily: DailyPoint[], days: number, now = new Date()): DailyPoint[] {
  const byDate = new Map(daily.map((d) => [d.date.slice(0, 10), d]));
  const today = now.toISOString().slice(0, 10);
  const last = [...byDate.keys()].sort().at(-1);
  const end = new Date(`${last && last > today ? last : today}T00:00:00Z`);
  const out: DailyPoint[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(end.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    const found = byDate.get(date);
    out.push({ date, shares: found?.shares ?? 0, clicks: found?.clicks ?? 0 });
    byDate.delete(date);
  }
  // anything the server counted outside the window (another time zone's "today") is kept, in order
  return [...out, ...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
