import { useI18n } from '../../i18n';

/** A round upper bound for an axis (4, 5, 10, 20, 25, 50, 100, …) at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value) return Math.ceil(candidate);
  }
  return value;
}

/** Formats a YYYY-MM-DD day as a short local date ("4 May" / "4. maj"), read as a UTC calendar day. */
export function useShortDate(month: 'short' | 'long' = 'short'): (day: string) => string {
  const { language } = useI18n();
  const format = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month,
    timeZone: 'UTC',
  });
  return (day: string) => {
    const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? day : format.format(d);
  };
}

/** Shortens a label to `max` characters with an ellipsis (the full text is in the chart's table). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
