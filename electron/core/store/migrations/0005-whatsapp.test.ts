import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

describe('migration 0005-whatsapp', () => {
  it('creates the WhatsApp tables, cascades with the account, and looks keys up by primary key', async () => {
    const store = await openDatabase({ file: ':memory:' });
    try {
      const tables = (
        store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'wa_%' ORDER BY name`).all() as {
          name: string;
        }[]
      ).map((r) => r.name);
      expect(tables).toEqual(['wa_accounts', 'wa_auth_creds', 'wa_auth_keys', 'wa_contacts', 'wa_excluded', 'wa_sent']);
      const plan = store.sqlite
        .prepare(`EXPLAIN QUERY PLAN SELECT value FROM wa_auth_keys WHERE account_id = 1 AND type = 'session' AND key_digest = 'x'`)
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH wa_auth_keys USING PRIMARY KEY/);
      store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', 'now')`).run();
      store.sqlite
        .prepare(
          `INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'whatsapp', 'WA', 'disconnected', 'now')`,
        )
        .run();
      store.sqlite.prepare(`INSERT INTO wa_accounts (account_id) VALUES (1)`).run();
      store.sqlite.prepare(`INSERT INTO wa_auth_keys (account_id, type, key_digest, value) VALUES (1, 'session', 'x', x'00')`).run();
      const defaults = store.sqlite.prepare('SELECT answer_mode, catch_up_max_hours, history_sync FROM wa_accounts').get();
      expect(defaults).toEqual({ answer_mode: 'everyone', catch_up_max_hours: 12, history_sync: 0 });
      store.sqlite.prepare('DELETE FROM accounts WHERE id = 1').run();
      expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM wa_auth_keys').get()).toEqual({ n: 0 });
    } finally {
      await store.close();
    }
  });
});
