import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening, parseOpeningHours } from './opening-hours';

const ALGIERS = 'Africa/Algiers'; // UTC+1, no daylight saving
const at = (iso: string) => new Date(iso);

describe('opening hours', () => {
  it('reads time ranges and day ranges written in several languages', () => {
    const cases: Array<[string, number[], Array<[number, number]>]> = [
      ['9h-19h, du samedi au jeudi', [6, 0, 1, 2, 3, 4], [[540, 1140]]],
      ['Sat-Thu 9:00-18:30', [6, 0, 1, 2, 3, 4], [[540, 1110]]],
      ['من السبت إلى الخميس 10-20', [6, 0, 1, 2, 3, 4], [[600, 1200]]],
      ['seg a sex 9h às 18h', [1, 2, 3, 4, 5], [[540, 1080]]],
      [
        'tous les jours 8h30 - 12h / 14h - 18h sauf vendredi',
        [0, 1, 2, 3, 4, 6],
        [
          [510, 720],
          [840, 1080],
        ],
      ],
      ['9am to 5pm', [0, 1, 2, 3, 4, 5, 6], [[540, 1020]]],
      ['lunedi-venerdi 9-13', [1, 2, 3, 4, 5], [[540, 780]]],
      ['kol nhar men 10 l 22 ghir jem3a', [0, 1, 2, 3, 4, 6], [[600, 1320]]],
    ];
    for (const [text, days, ranges] of cases) {
      const parsed = parseOpeningHours(text);
      expect({ text, days: [...(parsed?.days ?? [])].sort(), ranges: parsed?.ranges }).toEqual({ text, days: [...days].sort(), ranges });
    }
  });

  it('treats text without hours as not set', () => {
    expect(parseOpeningHours('')).toBeNull();
    expect(parseOpeningHours('appelez-nous')).toBeNull();
  });

  it('answers open or closed in the shop time zone, and finds the next opening', () => {
    const hours = parseOpeningHours('9h-19h, du samedi au jeudi')!;
    expect(isOpen(hours, at('2026-03-02T08:00:00Z'), ALGIERS)).toBe(true); // Monday 09:00 local
    expect(isOpen(hours, at('2026-03-02T07:59:00Z'), ALGIERS)).toBe(false);
    expect(isOpen(hours, at('2026-03-06T10:00:00Z'), ALGIERS)).toBe(false); // Friday
    expect(isOpen(hours, at('2026-03-02T18:00:00Z'), ALGIERS)).toBe(false); // 19:00 local
    expect(nextOpening(hours, at('2026-03-02T20:03:00Z'), ALGIERS, at('2026-03-04T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-03T08:03:00.000Z',
    );
    expect(nextOpening(hours, at('2026-03-06T10:00:00Z'), ALGIERS, at('2026-03-06T23:00:00Z'))).toBeNull();
    const night = parseOpeningHours('20h-2h')!;
    expect(isOpen(night, at('2026-03-02T00:30:00Z'), ALGIERS)).toBe(true); // 01:30 local
    expect(isOpen(night, at('2026-03-02T12:00:00Z'), ALGIERS)).toBe(false);
  });
});
