import type { Database as SqliteDatabase } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

const plan = (sqlite: SqliteDatabase, query: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0035-analytics-indexes', () => {
  it("reads a period of a shop's messages, with the bot's decision fields, from the index alone", async () => {
    const store = await openDatabase({ file: ':memory:' });
    const scan = `SELECT conversation_id, direction, author, created_at, json_extract(meta, '$.intent'), json_extract(meta, '$.orderAction'),
        json_extract(meta, '$.escalate'), json_extract(meta, '$.language'), json_extract(meta, '$.skus[0]')
      FROM messages WHERE shop_id = 1 AND created_at >= '2026-01-01' AND created_at < '2026-02-01' AND status NOT IN ('draft', 'rejected')`;
    expect(plan(store.sqlite, scan)).toMatch(/COVERING INDEX messages_shop_created/);
    // Reading the JSON itself (a column the index does not hold) has to go to the table: the check can fail.
    expect(plan(store.sqlite, scan.replace("json_extract(meta, '$.intent')", "json_extract(meta, '$.salesAction')"))).not.toMatch(
      /COVERING/,
    );
    expect(
      plan(
        store.sqlite,
        "SELECT kind FROM guardrail_violations WHERE shop_id = 1 AND created_at >= '2026-01-01' AND created_at < '2026-02-01'",
      ),
    ).toMatch(/guardrail_violations_shop_created/);
    await store.close();
  });
});
