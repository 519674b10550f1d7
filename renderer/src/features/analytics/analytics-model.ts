import type { HeatCell } from '../../../../shared/domain/analytics';

export const PRESETS = ['today', '7d', '30d', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const DAY = 86_400_000;
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Today's date in the shop's time zone (`YYYY-MM-DD`); the browser's zone if the shop's is unknown. */
export function shopToday(now: Date, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/** The days a preset covers, ending today (both ends included). */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const length = preset === 'today' ? 1 : preset === '7d' ? 7 : 30;
  return { from: addDays(today, 1 - length), to: today };
}

/** A valid custom period, or null (a day missing, or the end before the start). */
export function customPeriod(from: string, to: string): { from: string; to: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) return null;
  return { from, to };
}

/** Numbers in the UI locale with Western digits, as Maghreb sellers write them (Arabic included). */
export const numberLocale = (locale: string): string => `${locale}-u-nu-latn`;

export function formatNumber(n: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: digits }).format(n);
}

export function formatMoney(amount: number | null, currency: string, locale: string): string {
  if (amount === null) return '—';
  try {
    return new Intl.NumberFormat(numberLocale(locale), {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${formatNumber(amount, locale, 2)} ${currency}`;
  }
}

export function formatPercent(rate: number | null, locale: string): string {
  return rate === null ? '—' : new Intl.NumberFormat(numberLocale(locale), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Seconds as "45 s", "3 min", "1.5 h" in the UI locale's units. */
export function formatDuration(seconds: number | null, locale: string): string {
  if (seconds === null) return '—';
  const unit = (value: number, u: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(numberLocale(locale), { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
  if (seconds < 90) return unit(seconds, 'second');
  if (seconds < 5400) return unit(Math.round(seconds / 6) / 10, 'minute');
  return unit(Math.round(seconds / 360) / 10, 'hour');
}

/** Relative change from the previous period: +0.25 is 25 % more; null when there is no base. */
export function change(current: number | null, previous: number | null | undefined): number | null {
  if (current === null || previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** Short weekday names in the UI locale, Sunday first (index = the core's weekday number). */
export function weekdayNames(locale: string): string[] {
  const f = new Intl.DateTimeFormat(numberLocale(locale), { weekday: 'short', timeZone: 'UTC' });
  // 2026-03-01 is a Sunday.
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2026, 2, 1 + i))));
}

/** The heat map as 7 rows × 24 hours (zeros filled) and its largest cell, for the colour scale. */
export function heatGrid(cells: readonly HeatCell[]): { rows: number[][]; max: number } {
  const rows = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let max = 0;
  for (const c of cells) {
    rows[c.weekday]![c.hour] = c.count;
    max = Math.max(max, c.count);
  }
  return { rows, max };
}

/** A short local date for chart axes ("28/03" style in the UI locale, Western digits). */
export function shortDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(numberLocale(locale), { day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
