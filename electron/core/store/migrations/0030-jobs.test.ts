import { describe, expect, it } from 'vitest';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

describe('migration 0030-jobs', () => {
  it('creates the jobs table: one row per unique key, the next due job found through its index', async () => {
    const store = await openTestStore();
    const insert = store.sqlite.prepare(`INSERT INTO jobs (kind, unique_key, run_at, created_at) VALUES ('k', ?, '2026-01-01', 'now')`);
    insert.run('a');
    expect(() => insert.run('a')).toThrow(/UNIQUE/);
    expect(queryPlan(store, "SELECT * FROM jobs WHERE state = 'pending' ORDER BY run_at LIMIT 1")).toMatch(/INDEX jobs_due/);
    expect(() => store.sqlite.prepare(`UPDATE jobs SET state = 'done'`).run()).toThrow(/CHECK/);
  });
});
