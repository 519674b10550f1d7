import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';
import { migrations } from './index';
import * as m0091 from './0091-turn-on-message-row';

const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0091'));

describe('migration 0091-turn-on-message-row', () => {
  it('moves waiting and parked queue rows onto their messages, drops the finished ones and the queue', async () => {
    const store = await openDatabase({ file: ':memory:', migrations: before });
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x@s.whatsapp.net', 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 'now');`);
    const message = db.prepare(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (1, 1, 1, 'in', 'customer', ?, 'received', 'at')",
    );
    const queue = db.prepare(
      'INSERT INTO inbound_queue (shop_id, conversation_id, message_id, state, route, created_at) VALUES (1, 1, ?, ?, ?, ?)',
    );
    for (const [text, state, route] of [
      ['answered', 'done', 'brain'],
      ['blocked', 'dropped', 'blocked'],
      ['history', 'skipped', null],
      ['waiting', 'pending', null],
      ['failing', 'parked', 'catalog corrupt'],
    ] as const)
      queue.run(
        Number(message.run(text).lastInsertRowid),
        state,
        route,
        text === 'waiting' ? '2026-12-01T10:00:00.250Z' : '2026-12-01T10:00:01.000Z',
      );

    await m0091.up(store.db as unknown as Kysely<unknown>);

    const rows = db.prepare('SELECT text, turn_state AS state, accepted_ms AS accepted FROM messages ORDER BY id').all();
    // 1 = waiting for its turn, 2 = parked; the accept time in ms since the epoch.
    expect(rows).toEqual([
      { text: 'answered', state: null, accepted: null },
      { text: 'blocked', state: null, accepted: null },
      { text: 'history', state: null, accepted: null },
      { text: 'waiting', state: 1, accepted: Date.parse('2026-12-01T10:00:00.250Z') },
      { text: 'failing', state: 2, accepted: Date.parse('2026-12-01T10:00:01.000Z') },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'inbound_queue%'").all()).toEqual([]);
    // The worker's reads go through the partial index, which holds the waiting message only.
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT id, text FROM messages WHERE turn_state = 1 AND conversation_id = 1 ORDER BY id')).toMatch(/messages_turn_pending/);
    expect(plan('SELECT count(*) FROM messages WHERE turn_state = 1')).toMatch(/messages_turn_pending/);
    expect(db.prepare('SELECT count(*) AS n FROM messages INDEXED BY messages_turn_pending WHERE turn_state = 1').get()).toEqual({
      n: 1,
    });
    await store.close();
  });
});
