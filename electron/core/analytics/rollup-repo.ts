import type { WritableSqlite } from '../store';

/** A stored day of analytics_days (migration 0050), without its facts. */
export interface DayStamp {
  day: string;
  timeZone: string;
  /** Random per build: equal stamps, equal facts. */
  build: number;
}

/**
 * Analytics' own tables, the only ones it writes: the daily rollups and the hours the message
 * triggers marked as changed. Everything else it reads through read-handle.ts.
 */
export function makeRollupRepo(sqlite: WritableSqlite) {
  const s = {
    dirty: sqlite.prepare<[number], string>('SELECT utc_hour FROM analytics_dirty_hours WHERE shop_id = ?').pluck(),
    clean: sqlite.prepare<[number]>('DELETE FROM analytics_dirty_hours WHERE shop_id = ?'),
    drop: sqlite.prepare<[number, string]>('DELETE FROM analytics_days WHERE shop_id = ? AND day IN (SELECT value FROM json_each(?))'),
    stamps: sqlite.prepare<[number, string, string], DayStamp>(
      'SELECT day, time_zone AS timeZone, build FROM analytics_days WHERE shop_id = ? AND day >= ? AND day <= ? ORDER BY day',
    ),
    facts: sqlite.prepare<[number, string], string>('SELECT facts FROM analytics_days WHERE shop_id = ? AND day = ?').pluck(),
    has: sqlite
      .prepare<[number, string, string, string], string>(
        'SELECT day FROM analytics_days WHERE shop_id = ? AND day >= ? AND day <= ? AND time_zone = ?',
      )
      .pluck(),
    save: sqlite.prepare<[number, string, string, string, string, number]>(
      'INSERT OR REPLACE INTO analytics_days (shop_id, day, time_zone, facts, built_at, build) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    firstMessage: sqlite.prepare<[number], string | null>('SELECT min(created_at) FROM messages WHERE shop_id = ?').pluck(),
    shops: sqlite.prepare<[], number>('SELECT id FROM shops ORDER BY id').pluck(),
  };
  return {
    /** The UTC hours ('YYYY-MM-DDTHH') whose messages changed since the last call, forgotten as they are returned. */
    takeDirtyHours(shopId: number): string[] {
      const hours = s.dirty.all(shopId);
      if (hours.length) s.clean.run(shopId);
      return hours;
    },
    dropDays(shopId: number, days: readonly string[]): void {
      if (days.length) s.drop.run(shopId, JSON.stringify(days));
    },
    stamps: (shopId: number, from: string, to: string): DayStamp[] => s.stamps.all(shopId, from, to),
    /** A day's DayFacts JSON (day-facts.ts). */
    facts: (shopId: number, day: string): string | null => s.facts.get(shopId, day) ?? null,
    /** Days from..to already built for this time zone. */
    builtDays: (shopId: number, from: string, to: string, timeZone: string): Set<string> => new Set(s.has.all(shopId, from, to, timeZone)),
    saveDay(shopId: number, day: string, timeZone: string, facts: string, builtAt: string, build: number): void {
      s.save.run(shopId, day, timeZone, facts, builtAt, build);
    },
    firstMessageAt: (shopId: number): string | null => s.firstMessage.get(shopId) ?? null,
    shopIds: (): number[] => s.shops.all(),
    /** Runs `work` in one immediate transaction: no writer slips between reading the changed hours and rebuilding. */
    transaction<T>(work: () => T): T {
      return sqlite.transaction(work).immediate();
    },
  };
}
export type RollupRepo = ReturnType<typeof makeRollupRepo>;
