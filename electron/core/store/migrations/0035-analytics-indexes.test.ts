import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open-database';

const plan = (sqlite: import('better-sqlite3').Database, query: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0035-analytics-indexes', () => {
  it('reads a period of a shop\'s messages and guardrail interventions by index', async () => {
    const store = await openDatabase({ file: ':memory:' });
    expect(plan(store.sqlite, "SELECT count(*) FROM messages WHERE shop_id = 1 AND created_at >= '2026-01-01' AND created_at < '2026-02-01'")).toMatch(/messages_shop_created/);
    expect(plan(store.sqlite, "SELECT kind FROM guardrail_violations WHERE shop_id = 1 AND created_at >= '2026-01-01' AND created_at < '2026-02-01'")).toMatch(/guardrail_violations_shop_created/);
    await store.close();
  });
});
