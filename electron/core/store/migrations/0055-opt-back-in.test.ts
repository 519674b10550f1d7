import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0055-opt-back-in', () => {
  it('an opt-out can be lifted (and read back), and a shop’s opt-outs are listed through an index', async () => {
    store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'a@s.whatsapp.net', 'now');
      INSERT INTO opt_outs (contact_id, shop_id, created_at) VALUES (1, 1, 'now');`);
    expect(db.prepare('SELECT lifted_at, lifted_after_message_id FROM opt_outs').get()).toEqual({
      lifted_at: null,
      lifted_after_message_id: null,
    });
    db.prepare(`UPDATE opt_outs SET lifted_at = 'later', lifted_after_message_id = 7`).run();
    expect(db.prepare('SELECT lifted_at, lifted_after_message_id FROM opt_outs').get()).toEqual({
      lifted_at: 'later',
      lifted_after_message_id: 7,
    });
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT * FROM opt_outs WHERE shop_id = 1 ORDER BY created_at DESC').all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/INDEX opt_outs_shop/);
  });
});
