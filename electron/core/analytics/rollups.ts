import { DAY_FACTS_VERSION, type DayFacts, type DayOrder, dayFacts } from './day-facts';
import { scanMessages } from './message-scan';
import { TAKEOVER_WINDOW_HOURS, ordersOfPeriod, unitsOrdered } from './order-figures';
import type { PeriodActivity } from './overview';
import type { RollupRepo } from './rollup-repo';
import { rollupFigures, rollupOrders } from './rollup-figures';
import { type StatementCache, jsonEach } from './statements';
import { type ZonedPeriod, addDays, localDayOf, localShiftSql, zonedPeriod } from './zone';

const HOUR = 3_600_000;
const MAX_PARSED_DAYS = 2000;

export interface RollupDeps {
  /** Analytics' own tables: the daily rollups and their build stamps. */
  repo: RollupRepo;
  /** Prepared read statements over the read-only handle, cached. */
  statement: StatementCache;
  /** The current time (which day is today); default the system clock. */
  now?: () => Date;
}

/**
 * Daily rollups kept exact by rebuilding, from the messages, every local day whose messages
 * changed (the triggers of migration 0050 note the UTC hours) and every day a period needs that
 * was never built (an old store, a new time zone). Closed days cost nothing after their first
 * build; today is rebuilt when it got a message since the last read (one day's scan).
 */
export function makeRollups({ repo, statement, now = () => new Date() }: RollupDeps) {
  /**
   * Parsed facts by shop and day, checked against the stored build stamp on every read (a day
   * rebuilt by another process, or dropped, is read again): JSON-parsing a month of days was
   * most of a warm call.
   */
  const parsed = new Map<string, { stamp: string; facts: DayFacts }>();
  const stampOf = (timeZone: string, build: number) => `${timeZone}|${build}`;
  /** Drops the days whose messages changed since the last call (in this time zone's days). */
  function forgetChanged(shopId: number, timeZone: string): void {
    const days = new Set<string>();
    for (const hour of repo.takeDirtyHours(shopId)) {
      const start = Date.parse(`${hour}:00:00.000Z`);
      // The hour's own local day(s), and those of the next TAKEOVER_WINDOW_HOURS: a seller message
      // decides who closed the orders placed in the day after it.
      const last = localDayOf(start + HOUR + TAKEOVER_WINDOW_HOURS * HOUR - 1, timeZone);
      for (let day = localDayOf(start, timeZone); day <= last; day = addDays(day, 1)) days.add(day);
    }
    repo.dropDays(shopId, [...days]);
  }

  function remember(shopId: number, day: string, stamp: string, facts: DayFacts): void {
    // Bounded: two years of days of a couple of shops; past that, start again.
    if (parsed.size >= MAX_PARSED_DAYS) parsed.clear();
    parsed.set(`${shopId}|${day}`, { stamp, facts });
  }

  const accountsQuery = statement.prepare((db, p: { ids: string }) =>
    db
      .selectFrom(jsonEach<number>(p.ids))
      .innerJoin('conversations as cv', 'cv.id', 'j.value')
      .select((eb) => eb.fn<string>('json_group_array', [eb.fn('json_array', ['cv.id', 'cv.account_id'])]).as('doc')),
  );
  const accountsOf = (ids: number[]): Map<number, number> => {
    const json = accountsQuery.get({ ids: JSON.stringify(ids) })?.doc;
    return new Map(json ? (JSON.parse(json) as [number, number][]) : []);
  };

  function build(shopId: number, day: string, timeZone: string): DayFacts {
    const period = zonedPeriod(day, day, timeZone);
    const scope = {
      shopId,
      fromUtc: period.fromUtc,
      toUtc: period.toUtc,
      shift: (column: string) => localShiftSql(column, period.stretches),
      stretches: period.stretches,
    };
    const orders = ordersOfPeriod(statement, scope).map((o): DayOrder => [
      o.id,
      o.conversationId,
      o.status,
      o.total,
      o.cashCollected,
      o.createdAt,
      o.bySeller,
    ]);
    const units = [...unitsOrdered(statement, scope)];
    const facts = dayFacts(scanMessages(statement, scope), period.stretches, accountsOf, { orders, units });
    const build = Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
    repo.saveDay(shopId, day, timeZone, JSON.stringify(facts), now().toISOString(), build);
    remember(shopId, day, stampOf(timeZone, build), facts);
    return facts;
  }

  /** The facts of every day of the period, built where missing or stale. */
  function daysOf(shopId: number, period: ZonedPeriod): { day: string; facts: DayFacts }[] {
    return repo.transaction(() => {
      forgetChanged(shopId, period.timeZone);
      const stored = new Map<string, DayFacts>();
      for (const row of repo.stamps(shopId, period.from, period.to)) {
        if (row.timeZone !== period.timeZone) continue;
        const stamp = stampOf(row.timeZone, row.build);
        const key = `${shopId}|${row.day}`;
        let facts = parsed.get(key)?.stamp === stamp ? parsed.get(key)!.facts : null;
        if (!facts) {
          const json = repo.facts(shopId, row.day);
          facts = json ? (JSON.parse(json) as DayFacts) : null;
          if (facts) remember(shopId, row.day, stamp, facts);
        }
        if (facts?.v === DAY_FACTS_VERSION) stored.set(row.day, facts);
      }
      return period.days.map((day) => ({ day, facts: stored.get(day) ?? build(shopId, day, period.timeZone) }));
    });
  }

  return {
    /** The period's message figures and orders, as message-figures.ts and order-figures.ts compute them from the store. */
    activity(shopId: number, period: ZonedPeriod, details: boolean): PeriodActivity {
      const days = daysOf(shopId, period);
      return { messages: rollupFigures(days), ...rollupOrders(days, details) };
    },
    /**
     * Builds up to `limit` missing days of the shop, newest first, from today back to its first
     * message: the back-fill of a store that had messages before the rollups existed. Returns
     * the days built (0: nothing left) and how many remain.
     */
    backfill(shopId: number, timeZone: string, limit: number): { built: number; remaining: number } {
      const first = repo.firstMessageAt(shopId);
      if (!first) return { built: 0, remaining: 0 };
      const today = localDayOf(now().getTime(), timeZone);
      const oldest = localDayOf(Date.parse(first), timeZone);
      return repo.transaction(() => {
        forgetChanged(shopId, timeZone);
        const built = repo.builtDays(shopId, oldest, today, timeZone);
        let made = 0;
        let missing = 0;
        for (let day = today; day >= oldest; day = addDays(day, -1)) {
          if (built.has(day)) continue;
          if (made < limit) {
            build(shopId, day, timeZone);
            made++;
          } else missing++;
        }
        return { built: made, remaining: missing };
      });
    },
  };
}
export type Rollups = ReturnType<typeof makeRollups>;
