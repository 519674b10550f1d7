import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const plan = (s: Store, query: string) =>
  (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');

describe('migration 0032-bandit', () => {
  it('keys arms by shop, segment and strategy, and choices by conversation', async () => {
    store = await openDatabase({ file: ':memory:' });
    store.sqlite.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now')`);
    const arm = store.sqlite.prepare(`INSERT INTO bandit_arms (shop_id, segment, strategy) VALUES (1, 'new:fr', 'scarcity')`);
    arm.run();
    expect(() => arm.run()).toThrow(/UNIQUE|PRIMARY/);
    expect(plan(store, "SELECT * FROM bandit_arms WHERE shop_id = 1 AND segment = 'new:fr'")).toMatch(
      /USING (INDEX sqlite_autoindex_bandit_arms_1|PRIMARY KEY)/,
    );
    expect(plan(store, 'SELECT * FROM strategy_choices WHERE conversation_id = 3')).toMatch(/USING INTEGER PRIMARY KEY/);
  });
});
