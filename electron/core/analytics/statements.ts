import { type Selectable, sql } from 'kysely';
import type { Database } from '../database';
import { typedStatements } from '../store';
import type { ReadHandle } from './read-handle';
import type { OffsetStretch } from './zone';

/**
 * The read models' statements: selects built with kysely against core's `Database` on the read
 * handle. Most are prepared once (`preparedOnce`); an export's SQL depends on the period's offset
 * stretches (usually one, two across a daylight-saving change), so it is built per call with
 * `now`, which prepares each distinct SQL text once.
 */
export function makeStatementCache(read: ReadHandle) {
  return typedStatements<Database>(read);
}
export type StatementCache = ReturnType<typeof makeStatementCache>;

/**
 * A read model's statements whose SQL does not change with the call, prepared once per handle
 * (building a kysely query on every call cost more than some of these queries take to run).
 */
export function preparedOnce<T extends object>(prepare: (statements: StatementCache) => T): (statements: StatementCache) => T {
  const prepared = new WeakMap<StatementCache, T>();
  return (statements) => {
    let queries = prepared.get(statements);
    if (!queries) prepared.set(statements, (queries = prepare(statements)));
    return queries;
  };
}

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

/**
 * Messages that reached (or came from) the customer: drafts awaiting approval and rejected drafts
 * are not (`status not in` these). Inlined literals, not bound values: SQLite matches a partial
 * index's WHERE (migration 0050) against the query's own text.
 */
export const NOT_SENT = [sql.lit('draft'), sql.lit('rejected')];

/**
 * `messages AS m INDEXED BY <index>`, as a from item: kysely has no INDEXED BY, so the alias is a
 * fragment. The scans name the index they were measured with (migrations 0035, 0050).
 */
export const messagesIndexedBy = (index: 'messages_shop_created' | 'messages_bot_other_by_time') =>
  sql<Selectable<Database['messages']>>`${sql.table('messages')}`.as<'m'>(sql`m INDEXED BY ${sql.id(index)}`);

/** `json_each(<list>) AS j`: the ids or skus of a call as one bound JSON text, read as rows of `j.value`. */
export const jsonEach = <V extends number | string>(list: string) => sql<{ value: V }>`json_each(${list})`.as('j');
