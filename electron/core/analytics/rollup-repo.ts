import { sql } from 'kysely';
import type { Database } from '../database';
import { type WritableSqlite, typedStatements } from '../store';

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
  const statements = typedStatements<Database>(sqlite);
  const s = {
    dirty: statements.prepare((db, p: { shopId: number }) =>
      db.selectFrom('analytics_dirty_hours').select('utc_hour').where('shop_id', '=', p.shopId),
    ),
    clean: statements.prepare((db, p: { shopId: number }) => db.deleteFrom('analytics_dirty_hours').where('shop_id', '=', p.shopId)),
    drop: statements.prepare((db, p: { shopId: number; days: string }) =>
      db
        .deleteFrom('analytics_days')
        .where('shop_id', '=', p.shopId)
        .where('day', 'in', (eb) => eb.selectFrom(sql<{ value: string }>`json_each(${p.days})`.as('days')).select('days.value')),
    ),
    stamps: statements.prepare((db, p: { shopId: number; from: string; to: string }) =>
      db
        .selectFrom('analytics_days')
        .select(['day', 'time_zone as timeZone', 'build'])
        .where('shop_id', '=', p.shopId)
        .where('day', '>=', p.from)
        .where('day', '<=', p.to)
        .orderBy('day'),
    ),
    facts: statements.prepare((db, p: { shopId: number; day: string }) =>
      db.selectFrom('analytics_days').select('facts').where('shop_id', '=', p.shopId).where('day', '=', p.day),
    ),
    has: statements.prepare((db, p: { shopId: number; from: string; to: string; timeZone: string }) =>
      db
        .selectFrom('analytics_days')
        .select('day')
        .where('shop_id', '=', p.shopId)
        .where('day', '>=', p.from)
        .where('day', '<=', p.to)
        .where('time_zone', '=', p.timeZone),
    ),
    save: statements.prepare((db, p: { shopId: number; day: string; timeZone: string; facts: string; builtAt: string; build: number }) =>
      db
        .insertInto('analytics_days')
        .orReplace()
        .values({ shop_id: p.shopId, day: p.day, time_zone: p.timeZone, facts: p.facts, built_at: p.builtAt, build: p.build }),
    ),
    firstMessage: statements.prepare((db, p: { shopId: number }) =>
      db
        .selectFrom('messages')
        .select((eb) => eb.fn.min('created_at').as('at'))
        .where('shop_id', '=', p.shopId),
    ),
    shops: statements.prepare((db) => db.selectFrom('shops').select('id').orderBy('id')),
  };
  return {
    /** The UTC hours ('YYYY-MM-DDTHH') whose messages changed since the last call, forgotten as they are returned. */
    takeDirtyHours(shopId: number): string[] {
      const hours = s.dirty.all({ shopId }).map((r) => r.utc_hour);
      if (hours.length) s.clean.run({ shopId });
      return hours;
    },
    dropDays(shopId: number, days: readonly string[]): void {
      if (days.length) s.drop.run({ shopId, days: JSON.stringify(days) });
    },
    stamps: (shopId: number, from: string, to: string): DayStamp[] => s.stamps.all({ shopId, from, to }),
    /** A day's DayFacts JSON (day-facts.ts). */
    facts: (shopId: number, day: string): string | null => s.facts.get({ shopId, day })?.facts ?? null,
    /** Days from..to already built for this time zone. */
    builtDays: (shopId: number, from: string, to: string, timeZone: string): Set<string> =>
      new Set(s.has.all({ shopId, from, to, timeZone }).map((r) => r.day)),
    saveDay(shopId: number, day: string, timeZone: string, facts: string, builtAt: string, build: number): void {
      s.save.run({ shopId, day, timeZone, facts, builtAt, build });
    },
    firstMessageAt: (shopId: number): string | null => s.firstMessage.get({ shopId })?.at ?? null,
    shopIds: (): number[] => s.shops.all().map((r) => r.id),
    /** Runs `work` in one immediate transaction: no writer slips between reading the changed hours and rebuilding. */
    transaction<T>(work: () => T): T {
      return sqlite.transaction(work).immediate();
    },
  };
}
export type RollupRepo = ReturnType<typeof makeRollupRepo>;
