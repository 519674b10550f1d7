import type SQLite from 'better-sqlite3';

/** What kysely's SqliteDialect needs from a database handle. */
export interface PreparingDatabase {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

/**
 * Kysely prepares every compiled query again on each execution (SQLite parses and plans it
 * each time). This hands back the statement already prepared for the same SQL text, most
 * recently used first, at most `max` of them. A statement that is still being iterated (a
 * streamed query) is busy and cannot be re-entered: that caller gets a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 256): PreparingDatabase & { size(): number } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string): SQLite.Statement {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return sqlite.prepare(sql);
        cache.delete(sql); // re-inserted below: Map order is the LRU order
        cache.set(sql, hit);
        return hit;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
    size: () => cache.size,
  };
}
