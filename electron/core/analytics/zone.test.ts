import { describe, expect, it } from 'vitest';
import { addDays, dayCount, localDayOf, localMidnightUtc, localShiftSql, offsetMinutes, zonedPeriod } from './zone';

describe('shop time zone', () => {
  it('knows the offset on both sides of a daylight-saving change', () => {
    expect(offsetMinutes(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Paris')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Paris')).toBe(120);
    expect(offsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'Africa/Algiers')).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('puts local midnights at the right UTC instants, including on a 23-hour day', () => {
    expect(new Date(localMidnightUtc('2026-03-29', 'Europe/Paris')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(localMidnightUtc('2026-03-30', 'Europe/Paris')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(localMidnightUtc('2026-11-02', 'America/New_York')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(localDayOf(Date.parse('2026-03-27T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-28');
    expect(localDayOf(Date.parse('2026-03-27T22:59:00Z'), 'Europe/Paris')).toBe('2026-03-27');
  });

  it('splits a period at the change, and keeps a period without one in one stretch', () => {
    const p = zonedPeriod('2026-03-28', '2026-03-30', 'Europe/Paris');
    expect(p.fromUtc).toBe('2026-03-27T23:00:00.000Z');
    expect(p.toUtc).toBe('2026-03-30T22:00:00.000Z');
    expect(p.days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(p.stretches).toEqual([
      { untilUtc: '2026-03-29T01:00:00.000Z', offsetMinutes: 60 },
      { untilUtc: null, offsetMinutes: 120 },
    ]);
    expect(zonedPeriod('2026-06-01', '2026-06-30', 'Africa/Algiers').stretches).toEqual([{ untilUtc: null, offsetMinutes: 60 }]);
    expect(() => zonedPeriod('2026-06-02', '2026-06-01', 'Africa/Algiers')).toThrow(/before it starts/);
  });

  it('writes the SQL shift that SQLite applies row by row', () => {
    const p = zonedPeriod('2026-03-28', '2026-03-30', 'Europe/Paris');
    expect(localShiftSql('m.created_at', p.stretches)).toBe(
      "(CASE WHEN m.created_at < '2026-03-29T01:00:00.000Z' THEN '+60 minutes' ELSE '+120 minutes' END)",
    );
    expect(localShiftSql('t', [{ untilUtc: null, offsetMinutes: -300 }])).toBe("'-300 minutes'");
  });

  it('counts and adds calendar days', () => {
    expect(dayCount('2026-02-27', '2026-03-02')).toBe(4);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
