import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const plan = (s: Store, query: string) =>
  (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');

describe('migration 0030-jobs', () => {
  it('creates the jobs table: one row per unique key, the next due job found through its index', async () => {
    store = await openDatabase({ file: ':memory:' });
    const insert = store.sqlite.prepare(`INSERT INTO jobs (kind, unique_key, run_at, created_at) VALUES ('k', ?, '2026-01-01', 'now')`);
    insert.run('a');
    expect(() => insert.run('a')).toThrow(/UNIQUE/);
    expect(plan(store, "SELECT * FROM jobs WHERE state = 'pending' ORDER BY run_at LIMIT 1")).toMatch(/INDEX jobs_due/);
    expect(() => store!.sqlite.prepare(`UPDATE jobs SET state = 'done'`).run()).toThrow(/CHECK/);
  });
});
