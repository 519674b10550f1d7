import type { Database as SqliteDatabase } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

const plan = (sqlite: SqliteDatabase, query: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

const dirty = (sqlite: SqliteDatabase) =>
  sqlite.prepare("SELECT shop_id || ' ' || utc_hour FROM analytics_dirty_hours ORDER BY 1").pluck().all() as string[];

describe('migration 0050-analytics-rollups', () => {
  it('notes the UTC hour of every message and order change that can move a figure, and no other', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const { sqlite } = store;
    sqlite.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'A', 'connected', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'c@x', 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 'now');
      INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at)
        VALUES (1, 1, 1, 'out', 'bot', 'hi', 'draft', '2026-03-29T23:59:00.000Z');`);
    expect(dirty(sqlite)).toEqual(['1 2026-03-29T23']);
    sqlite.exec('DELETE FROM analytics_dirty_hours');
    // Draft → sent: the reply now counts.
    sqlite.exec(`UPDATE messages SET status = 'sent'`);
    expect(dirty(sqlite)).toEqual(['1 2026-03-29T23']);
    // A receipt (sent → delivered) moves no figure: nothing noted.
    sqlite.exec(`DELETE FROM analytics_dirty_hours; UPDATE messages SET status = 'delivered'`);
    expect(dirty(sqlite)).toEqual([]);
    sqlite.exec(`UPDATE messages SET created_at = '2026-03-30T08:00:00.000Z'`);
    expect(dirty(sqlite)).toEqual(['1 2026-03-29T23', '1 2026-03-30T08']);
    sqlite.exec(`DELETE FROM analytics_dirty_hours; DELETE FROM messages`);
    expect(dirty(sqlite)).toEqual(['1 2026-03-30T08']);
    sqlite.exec(`DELETE FROM analytics_dirty_hours;
      INSERT INTO orders (shop_id, conversation_id, status, currency, items_total, total, created_at, updated_at)
        VALUES (1, 1, 'new', 'DZD', 100, 100, '2026-04-01T10:00:00.000Z', 'now');
      INSERT INTO order_items (order_id, shop_id, sku, name, quantity, unit_price) VALUES (1, 1, 'A', 'a', 1, 100);`);
    expect(dirty(sqlite)).toEqual(['1 2026-04-01T10']);
    sqlite.exec(`DELETE FROM analytics_dirty_hours; UPDATE orders SET updated_at = 'later'`);
    expect(dirty(sqlite)).toEqual([]);
    sqlite.exec(`UPDATE order_items SET quantity = 2`);
    expect(dirty(sqlite)).toEqual(['1 2026-04-01T10']);
    await store.close();
  });

  it('serves who closed an order and the unanswered questions from partial indexes', async () => {
    const store = await openDatabase({ file: ':memory:' });
    expect(
      plan(
        store.sqlite,
        `SELECT 1 FROM messages s WHERE s.conversation_id = 1 AND s.author = 'seller' AND s.status NOT IN ('draft', 'rejected')
           AND s.created_at <= '2026-04-01' AND s.created_at >= '2026-03-31'`,
      ),
    ).toMatch(/messages_seller_by_conversation/);
    expect(
      plan(
        store.sqlite,
        `SELECT id FROM messages INDEXED BY messages_bot_other_by_time WHERE shop_id = 1 AND created_at >= '2026-03-01' AND created_at < '2026-04-01'
           AND author = 'bot' AND json_extract(meta, '$.intent') = 'other' ORDER BY created_at DESC LIMIT 1000`,
      ),
    ).toMatch(/messages_bot_other_by_time/);
    await store.close();
  });
});
