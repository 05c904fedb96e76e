import { useMemo } from 'react';
import type { Kpi } from '@contracts';
import { useI18n } from '../../../i18n';

export type Trend = 'up' | 'down' | 'same' | 'none';

export interface KpiFormat {
  /** A figure in its unit: a ratio as a percentage, a count as a whole number. */
  value: (n: number, unit: Kpi['unit']) => string;
  /** A share of a whole (0.42 → "42 %"). */
  percent: (ratio: number) => string;
  /** The change from the previous period, as a direction and words (never colour alone). */
  change: (kpi: Kpi) => { trend: Trend; text: string };
  /** How far the value is towards its target (0…∞), or null without a target or a value. */
  progress: (kpi: Kpi) => number | null;
}

/** Formats dashboard figures in the current language. */
export function useKpiFormat(): KpiFormat {
  const { t, language, formatNumber } = useI18n();
  return useMemo(() => {
    const locale = language === 'da' ? 'da-DK' : 'en-GB';
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const percent = (ratio: number) => percentFormat.format(ratio);
    const value = (n: number, unit: Kpi['unit']) =>
      unit === 'ratio' ? percent(n) : formatNumber(Math.round(n));
    const change = (kpi: Kpi): { trend: Trend; text: string } => {
      const d = t.dashboard;
      if (kpi.value === null || kpi.previous === null) return { trend: 'none', text: d.changeNone };
      const previous = value(kpi.previous, kpi.unit);
      const diff = kpi.value - kpi.previous;
      // Ratios change in percentage points; counts by how many, and by how much relative to before.
      const amount =
        kpi.unit === 'ratio'
          ? d.points(formatNumber(Math.round(Math.abs(diff) * 100)))
          : `${formatNumber(Math.round(Math.abs(diff)))}${kpi.previous > 0 ? ` (${percent(Math.abs(diff) / kpi.previous)})` : ''}`;
      const rounded = kpi.unit === 'ratio' ? Math.round(diff * 100) : Math.round(diff);
      if (rounded === 0) return { trend: 'same', text: d.changeSame(previous) };
      return diff > 0
        ? { trend: 'up', text: d.changeUp(amount, previous) }
        : { trend: 'down', text: d.changeDown(amount, previous) };
    };
    const progress = (kpi: Kpi) =>
      kpi.target === null || kpi.target <= 0 || kpi.value === null ? null : kpi.value / kpi.target;
    return { value, percent, change, progress };
  }, [t, language, formatNumber]);
}
