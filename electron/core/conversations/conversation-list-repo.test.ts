import type SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../database';
import { makeMessageSearchIndex } from '../store/message-search-index';
import { SEARCH_CAP, makeConversationList } from './conversation-list-repo';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

/** `n` conversations of shop 1 with activity times that tie in pairs (keyset must break ties by id). */
async function seeded(n: number, text = (i: number) => `message ${i}`) {
  store = await openDatabase({ file: ':memory:' });
  const { sqlite } = store;
  const now = '2026-11-01T10:00:00.000Z';
  sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', ?)").run(now);
  sqlite
    .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', ?)")
    .run(now);
  const contact = sqlite.prepare('INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (1, ?, ?, ?)');
  const conversation = sqlite.prepare(
    'INSERT INTO conversations (shop_id, account_id, contact_id, status, created_at, last_message_at) VALUES (1, 1, ?, ?, ?, ?)',
  );
  const message = sqlite.prepare(
    "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, created_at) VALUES (1, 1, ?, 'in', 'customer', 'text', ?, 'received', ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = new Date(Date.parse(now) + Math.floor(i / 2) * 60_000).toISOString();
      const k = Number(
        contact.run(`2135500${String(i).padStart(5, '0')}@s.whatsapp.net`, i % 4 === 0 ? `Amina ${i}` : null, at).lastInsertRowid,
      );
      const c = Number(conversation.run(k, i % 3 === 0 ? 'resolved' : 'open', at, at).lastInsertRowid);
      message.run(c, text(i), at);
    }
  })();
  makeMessageSearchIndex(sqlite).catchUpAll();
  return { sqlite, list: makeConversationList(sqlite) };
}

/** Shops whose kept counts differ from a count(*) (empty when the writers kept them right). */
function countsDrift(sqlite: SQLite.Database): unknown[] {
  return sqlite
    .prepare(
      `SELECT a.shop_id, a.status, a.n AS real, coalesce(k.n, 0) AS kept FROM
         (SELECT shop_id, status, count(*) AS n FROM conversations GROUP BY shop_id, status) a
         LEFT JOIN conversation_counts k ON k.shop_id = a.shop_id AND k.status = a.status
       WHERE a.n != coalesce(k.n, 0)
       UNION ALL
       SELECT k.shop_id, k.status, 0, k.n FROM conversation_counts k
       WHERE k.n != 0 AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.shop_id = k.shop_id AND c.status = k.status)`,
    )
    .all();
}

describe('inbox list at scale', () => {
  it('pages by keyset in the same order as by offset, ties broken by id, nothing twice or missing', async () => {
    const { list } = await seeded(130);
    const byOffset = [0, 1, 2].flatMap((p) => list.page({ shopId: 1, offset: p * 50, limit: 50 }).items.map((c) => c.id));
    const byKeyset: number[] = [];
    let after: { lastMessageAt: string | null; id: number } | undefined;
    for (;;) {
      const page = list.page({ shopId: 1, offset: 0, limit: 50, after });
      byKeyset.push(...page.items.map((c) => c.id));
      const last = page.items.at(-1);
      if (!last) break;
      after = { lastMessageAt: last.lastMessageAt, id: last.id };
    }
    expect(byKeyset).toEqual(byOffset);
    expect(new Set(byKeyset).size).toBe(130);
    // Newest activity first.
    expect(byKeyset[0]).toBe(130);
  });

  it('keeps totals by status up to date through inserts, status changes and deletes', async () => {
    const { sqlite, list } = await seeded(30);
    expect(list.page({ shopId: 1, offset: 0, limit: 5 }).total).toBe(30);
    expect(list.page({ shopId: 1, status: 'resolved', offset: 0, limit: 5 }).total).toBe(10);
    sqlite.prepare("UPDATE conversations SET status = 'waiting_human' WHERE id IN (1, 2)").run();
    sqlite.prepare('UPDATE conversations SET status = status, unread = unread + 1 WHERE id = 3').run(); // named in SET, unchanged
    sqlite.prepare('DELETE FROM conversations WHERE id = 5').run();
    expect(list.page({ shopId: 1, offset: 0, limit: 5 }).total).toBe(29);
    expect(list.page({ shopId: 1, status: 'waiting_human', offset: 0, limit: 5 }).total).toBe(2);
    expect(list.page({ shopId: 1, status: 'resolved', offset: 0, limit: 5 }).total).toBe(9);
    expect(countsDrift(sqlite)).toEqual([]);
  });

  it('the drift check reports a writer that forgets the counts', async () => {
    const { sqlite } = await seeded(10);
    sqlite.exec('DROP TRIGGER conversation_counts_au');
    sqlite.prepare("UPDATE conversations SET status = 'waiting_human' WHERE id = 2").run();
    expect(countsDrift(sqlite)).not.toEqual([]);
  });

  it('search stops counting at the cap and says the total is a lower bound', async () => {
    const { list } = await seeded(SEARCH_CAP + 20, (i) => `wach kayen sac ${i}`);
    const page = list.page({ shopId: 1, query: 'sac', offset: 0, limit: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.totalCapped).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(SEARCH_CAP);
    // Results are in activity order, like the list.
    const times = page.items.map((c) => c.lastMessageAt ?? '');
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('finds by a word, a prefix, a name inside a name, phone digits typed locally, with an exact total', async () => {
    const { list } = await seeded(40, (i) => (i === 7 ? 'salam, la robe kabyle dispo?' : `message ${i}`));
    const ids = (query: string, status?: 'open' | 'resolved') =>
      list.page({ shopId: 1, query, offset: 0, limit: 50, status }).items.map((c) => c.id);
    expect(ids('kabyle')).toEqual([8]);
    expect(ids('kaby')).toEqual([8]);
    expect(ids('mina 12')).toEqual([13]);
    expect(ids('0550 00 00 12')).toEqual([13]);
    expect(ids('kabyle', 'resolved')).toEqual([]);
    const page = list.page({ shopId: 1, query: 'Amina', offset: 0, limit: 3 });
    expect(page).toMatchObject({ total: 10 });
    expect(page.totalCapped).toBeUndefined();
  });

  it('reads a page from the activity index without sorting or counting rows', async () => {
    const { sqlite } = await seeded(3);
    const plan = (sql: string) =>
      (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const page = plan('SELECT c.id FROM conversations c WHERE c.shop_id = 1 ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50');
    expect(page).toMatch(/conversations_shop_activity/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(
      plan(
        "SELECT c.id FROM conversations c WHERE c.shop_id = 1 AND c.status = 'open' ORDER BY c.last_message_at DESC, c.id DESC LIMIT 50",
      ),
    ).toMatch(/conversations_shop_status_activity/);
  });
});
