import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

function counted() {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('CREATE TABLE t (id integer PRIMARY KEY, v text)');
  const prepares: string[] = [];
  const original = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    prepares.push(source);
    return original(source);
  }) as typeof sqlite.prepare;
  return { sqlite, prepares };
}

describe('prepared statement cache for kysely', () => {
  it('prepares a compiled query once however often it runs', async () => {
    const { sqlite, prepares } = counted();
    const db = new Kysely<{ t: { id: number; v: string } }>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    for (let i = 0; i < 5; i++)
      await db
        .insertInto('t')
        .values({ id: i, v: `v${i}` })
        .execute();
    for (let i = 0; i < 5; i++) expect(await db.selectFrom('t').select('v').where('id', '=', i).executeTakeFirst()).toEqual({ v: `v${i}` });
    expect(prepares.filter((s) => s.startsWith('insert'))).toHaveLength(1);
    expect(prepares.filter((s) => s.startsWith('select'))).toHaveLength(1);
    await db.destroy();
  });

  it('gives a caller whose statement is still being iterated its own, and keeps at most `max`', () => {
    const { sqlite, prepares } = counted();
    const cached = withStatementCache(sqlite, 2);
    sqlite.exec("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b')");
    const seen: string[] = [];
    for (const row of cached.prepare('SELECT v FROM t ORDER BY id').iterate() as IterableIterator<{ v: string }>) {
      // The same SQL again while the first iteration holds its statement.
      seen.push(`${row.v}:${cached.prepare('SELECT v FROM t ORDER BY id').all().length}`);
    }
    expect(seen).toEqual(['a:2', 'b:2']);
    for (let i = 0; i < 5; i++) cached.prepare(`SELECT ${i} AS n`).get();
    expect(cached.size()).toBe(2);
    expect(prepares.length).toBe(1 + 2 + 5);
    cached.close();
    expect(sqlite.open).toBe(false);
  });
});
