import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

describe('migration 0025-outbox-kind', () => {
  it('gives every outbox row a kind, reply by default, and refuses any other value', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const { sqlite } = store;
    const now = new Date().toISOString();
    sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', ?)").run(now);
    sqlite
      .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', ?)")
      .run(now);
    sqlite.prepare("INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x@s.whatsapp.net', ?)").run(now);
    sqlite.prepare('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, ?)').run(now);
    sqlite
      .prepare(
        "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, created_at) VALUES (1, 1, 1, 'out', 'bot', 'text', 'hi', 'queued', ?)",
      )
      .run(now);
    const insert = (kind: string | null) =>
      sqlite
        .prepare(
          `INSERT INTO outbox (shop_id, account_id, conversation_id, message_id, to_jid, channel_message_id, next_attempt_at, created_at${kind ? ', kind' : ''}) VALUES (1, 1, 1, 1, 'x', ?, ?, ?${kind ? ', ?' : ''})`,
        )
        .run(...[`C${kind}`, now, now, ...(kind ? [kind] : [])]);
    insert(null);
    insert('proactive');
    expect(sqlite.prepare('SELECT kind FROM outbox ORDER BY id').all()).toEqual([{ kind: 'reply' }, { kind: 'proactive' }]);
    expect(() => insert('broadcast')).toThrow(/CHECK/);
    await store.close();
  });
});
