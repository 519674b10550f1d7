import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';
import { migrations } from './index';
import * as m0092 from './0092-outbox-holds-unsent';

const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0092'));

describe('migration 0092-outbox-holds-unsent', () => {
  it('drops sent outbox rows and keeps the queued and failed ones', async () => {
    const store = await openDatabase({ file: ':memory:', migrations: before });
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x@s.whatsapp.net', 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 'now');`);
    const message = db.prepare(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, channel_message_id, created_at) VALUES (1, 1, 1, 'out', 'bot', 'r', ?, ?, 'now')",
    );
    const outbox = db.prepare(
      "INSERT INTO outbox (shop_id, account_id, conversation_id, message_id, to_jid, channel_message_id, state, next_attempt_at, created_at) VALUES (1, 1, 1, ?, 'x@s.whatsapp.net', ?, ?, 'now', 'now')",
    );
    for (const state of ['sent', 'queued', 'failed', 'sent'])
      outbox.run(Number(message.run(state, `C-${state}-${Math.random()}`).lastInsertRowid), `C-${state}`, state);

    await m0092.up(store.db as unknown as Kysely<unknown>);

    expect(db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual(['queued', 'failed']);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(4); // the messages themselves stay
    await store.close();
  });
});
