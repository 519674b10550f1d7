import type { AnalyticsOverview, ExportKind } from '../../../shared/domain/analytics';
import { makeQuestionFold } from './demand-figures';
import { type CsvExport, buildExport } from './exports';
import { type FollowUpSource, noFollowUps } from './follow-ups';
import { type PeriodSource, computeOverview, onDemandActivity, scopeOf } from './overview';
import type { ReadHandle } from './read-handle';
import type { RollupRepo } from './rollup-repo';
import { type Rollups, makeRollups } from './rollups';
import { makeStatementCache } from './statements';
import { type ZonedPeriod, dayCount, zonedPeriod } from './zone';

/** The longest period one call covers (two years and a bit): bounds the work of one request. */
const MAX_PERIOD_DAYS = 800;

export interface ShopPeriod {
  shopId: number;
  from: string;
  to: string;
  /** The shop's time zone (settings facts.timeZone) and currency. */
  timeZone: string;
  currency: string;
}

export class PeriodError extends Error {}

function checkPeriod(from: string, to: string): void {
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)))
    throw new PeriodError(`Not a day: ${Number.isNaN(Date.parse(from)) ? from : to}`);
  const days = dayCount(from, to);
  if (days < 1) throw new PeriodError(`The period ends (${to}) before it starts (${from})`);
  if (days > MAX_PERIOD_DAYS) throw new PeriodError(`A period is at most ${MAX_PERIOD_DAYS} days; this one is ${days}`);
}

/** SQLite's answer to a write it cannot make now (better-sqlite3's SqliteError carries the code). */
const cannotWrite = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  /^SQLITE_(FULL|READONLY|BUSY|LOCKED|IOERR)/.test(String((err as { code?: unknown }).code ?? ''));

export interface AnalyticsConfig {
  /** A read-only view of the store (read-handle.ts). */
  read: ReadHandle;
  /** Follow-up figures (sent, answered); default none (an empty source). */
  followUps?: FollowUpSource;
  /** Analytics' own tables (rollup-repo.ts): with them, message figures come from daily rollups; without, from the messages. */
  rollups?: RollupRepo;
  /** The current time (which days are closed); default the system clock. */
  now?: () => Date;
}

/** The analytics read model: figures and exports for a shop's period, from daily rollups (or on demand) and the store. */
export function makeAnalytics({ read, followUps = noFollowUps, rollups: repo, now }: AnalyticsConfig) {
  const statement = makeStatementCache(read);
  const rollups: Rollups | null = repo ? makeRollups({ repo, statement, now }) : null;
  const onDemand = onDemandActivity(statement);
  const source: PeriodSource = rollups
    ? (shopId, period, scope, details) => {
        try {
          return rollups.activity(shopId, period, details);
        } catch (err) {
          // Keeping the rollups writes; a full disk or a store another writer holds must not blank the page.
          if (cannotWrite(err)) return onDemand(shopId, period, scope, details);
          throw err;
        }
      }
    : onDemand;
  const fold = makeQuestionFold();
  const periods = new Map<string, ZonedPeriod>();
  const zoned = (from: string, to: string, timeZone: string): ZonedPeriod => {
    const key = `${from}|${to}|${timeZone}`;
    let period = periods.get(key);
    if (!period) {
      if (periods.size >= 256) periods.clear();
      periods.set(key, (period = zonedPeriod(from, to, timeZone)));
    }
    return period;
  };
  const overview = (req: ShopPeriod & { compare: boolean; typingSeconds: number }): AnalyticsOverview => {
    checkPeriod(req.from, req.to);
    return computeOverview(statement, followUps, req, { source, fold, zoned });
  };
  return {
    overview,
    /** The rollups' back-fill (rollups.ts), or null when computing on demand. */
    backfill: rollups ? rollups.backfill : null,
    export(kind: ExportKind, req: ShopPeriod): CsvExport {
      checkPeriod(req.from, req.to);
      const scope = scopeOf(req.shopId, zonedPeriod(req.from, req.to, req.timeZone));
      return buildExport(kind, statement, scope, req, () => overview({ ...req, compare: true, typingSeconds: 30 }));
    },
  };
}
export type Analytics = ReturnType<typeof makeAnalytics>;
