import { describe, expect, it } from 'vitest';
import {
  change,
  customPeriod,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  heatGrid,
  presetPeriod,
  shopToday,
  shortDay,
  weekdayNames,
} from './analytics-model';

describe('analytics page model', () => {
  it("takes today in the shop's time zone, not the browser's", () => {
    const lateEvening = new Date('2026-03-27T23:30:00Z');
    expect(shopToday(lateEvening, 'Europe/Paris')).toBe('2026-03-28');
    expect(shopToday(lateEvening, 'America/New_York')).toBe('2026-03-27');
  });

  it('turns presets and custom days into periods', () => {
    expect(presetPeriod('today', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetPeriod('7d', '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(presetPeriod('30d', '2026-03-30')).toEqual({ from: '2026-03-01', to: '2026-03-30' });
    expect(customPeriod('2026-03-05', '2026-03-01')).toBeNull();
    expect(customPeriod('2026-03-01', '')).toBeNull();
    expect(customPeriod('2026-03-01', '2026-03-05')).toEqual({ from: '2026-03-01', to: '2026-03-05' });
  });

  it('writes Western digits in the Arabic interface', () => {
    expect(formatNumber(8500, 'ar')).toMatch(/^8[,.٬\u00a0\u202f]?500$/);
    expect(formatMoney(8500, 'DZD', 'ar')).toMatch(/8.?500/);
    expect(formatMoney(8500, 'DZD', 'ar')).not.toMatch(/[٠-٩]/);
    expect(formatPercent(0.5, 'ar')).toMatch(/50/);
    expect(shortDay('2026-03-28', 'ar')).toMatch(/28.*03|03.*28/);
    expect(weekdayNames('ar')[0]).toBe('الأحد');
    expect(weekdayNames('fr')[6]).toMatch(/^sam/);
  });

  it('formats durations and changes', () => {
    expect(formatDuration(20, 'en')).toBe('20 sec');
    expect(formatDuration(600, 'en')).toBe('10 min');
    expect(formatDuration(null, 'en')).toBe('—');
    expect(change(150, 100)).toBe(0.5);
    expect(change(5, 0)).toBeNull();
    expect(change(5, null)).toBeNull();
  });

  it('fills the heat map', () => {
    const { rows, max } = heatGrid([
      { weekday: 6, hour: 11, count: 2 },
      { weekday: 0, hour: 1, count: 1 },
    ]);
    expect(rows).toHaveLength(7);
    expect(rows[6]![11]).toBe(2);
    expect(rows[0]![1]).toBe(1);
    expect(rows[3]!.every((n) => n === 0)).toBe(true);
    expect(max).toBe(2);
  });
});
