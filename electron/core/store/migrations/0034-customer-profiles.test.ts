import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0034-customer-profiles', () => {
  it('keeps one profile per contact, looked up by key, deleted with the contact', async () => {
    store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'a@s.whatsapp.net', 'now');`);
    const insert = db.prepare(`INSERT INTO customer_profiles (contact_id, shop_id, name, updated_at) VALUES (1, 1, 'Karim', 'now')`);
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY/);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM customer_profiles WHERE contact_id = 1').all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/INTEGER PRIMARY KEY/);
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM customer_profiles').get()).toEqual({ n: 0 });
  });
});
