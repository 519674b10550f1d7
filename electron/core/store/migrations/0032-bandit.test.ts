import { describe, expect, it } from 'vitest';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

describe('migration 0032-bandit', () => {
  it('keys arms by shop, segment and strategy, and choices by conversation', async () => {
    const store = await openTestStore();
    store.sqlite.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now')`);
    const arm = store.sqlite.prepare(`INSERT INTO bandit_arms (shop_id, segment, strategy) VALUES (1, 'new:fr', 'scarcity')`);
    arm.run();
    expect(() => arm.run()).toThrow(/UNIQUE|PRIMARY/);
    expect(queryPlan(store, "SELECT * FROM bandit_arms WHERE shop_id = 1 AND segment = 'new:fr'")).toMatch(
      /USING (INDEX sqlite_autoindex_bandit_arms_1|PRIMARY KEY)/,
    );
    expect(queryPlan(store, 'SELECT * FROM strategy_choices WHERE conversation_id = 3')).toMatch(/USING INTEGER PRIMARY KEY/);
  });
});
