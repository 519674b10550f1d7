import type { ReadStatement } from '../store';
import type { ReadHandle } from './read-handle';
import type { OffsetStretch } from './zone';

/**
 * Prepared statements keyed by SQL text. A report's SQL depends on the period's offset stretches
 * (usually one, two across a daylight-saving change), so the same few texts come back call after call.
 */
export function makeStatementCache(read: ReadHandle, max = 64) {
  const cache = new Map<string, ReadStatement<unknown[], unknown>>();
  return function statement<R>(sql: string): ReadStatement<unknown[], R> {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = read.prepare<unknown[], unknown>(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(sql, stmt);
    }
    return stmt as ReadStatement<unknown[], R>;
  };
}
export type StatementCache = ReturnType<typeof makeStatementCache>;

/** The rows of one period of one shop: every report filters the same way. */
export interface PeriodScope {
  shopId: number;
  fromUtc: string;
  toUtc: string;
  /** SQL modifier shifting `created_at` to the shop's wall clock (zone.ts `localShiftSql`). */
  shift: (column: string) => string;
  /** The stretches of constant UTC offset the period spans (zone.ts). */
  stretches: readonly OffsetStretch[];
}

/** Messages that reached (or came from) the customer: drafts awaiting approval and rejected drafts are not. */
export const SENT_OR_RECEIVED = "status NOT IN ('draft', 'rejected')";
