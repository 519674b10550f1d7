import type SQLite from 'better-sqlite3';

declare const readOnlyBrand: unique symbol;

/**
 * Analytics reads other domains' tables (messages, orders, products…) and must never write them.
 * This handle only prepares statements SQLite itself reports as read-only, so a write slipped into
 * a report fails at prepare time instead of changing the shop's data.
 */
export interface ReadHandle {
  readonly [readOnlyBrand]: true;
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SQLite.Statement<P, R>;
}

export class WriteRefusedError extends Error {}

export function makeReadHandle(sqlite: SQLite.Database): ReadHandle {
  return {
    prepare<P extends unknown[], R>(sql: string) {
      const stmt = sqlite.prepare<P, R>(sql);
      if (!stmt.readonly) throw new WriteRefusedError(`analytics may only read: ${sql.slice(0, 60)}`);
      return stmt;
    },
  } as ReadHandle;
}
