import { describe, expect, it } from 'vitest';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

describe('migration 0031-follow-ups', () => {
  it('keeps one follow-up per conversation and one opt-out per contact, gone with the contact', async () => {
    const store = await openTestStore();
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, created_at) VALUES (1, 'simulator', 'Test', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'a@s.whatsapp.net', 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 'now');`);
    const follow = db.prepare(`INSERT INTO follow_ups (conversation_id, shop_id, contact_id, created_at) VALUES (1, 1, 1, 'now')`);
    follow.run();
    expect(() => follow.run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(`INSERT INTO opt_outs (contact_id, shop_id, created_at) VALUES (1, 1, 'now')`).run();
    expect(queryPlan(store, 'SELECT count(*) FROM follow_ups WHERE shop_id = 1 AND created_at >= 0')).toMatch(/INDEX follow_ups_shop_time/);
    db.prepare('DELETE FROM contacts WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM follow_ups) + (SELECT count(*) FROM opt_outs) AS n').get()).toEqual({ n: 0 });
  });
});
