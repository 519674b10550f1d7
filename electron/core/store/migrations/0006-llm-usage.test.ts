import { describe, expect, it } from 'vitest';
import { makeViolationsRepo } from '../../brain/guardrails/violations-repo';
import { makeSpendCap } from '../../brain/usage/spend-cap';
import { makeUsageRepo } from '../../brain/usage/usage-repo';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

describe('migration 0006-llm-usage', () => {
  it('creates the usage and violation tables with key lookups that use their indexes', async () => {
    const store = await openTestStore();
    expect(queryPlan(store, 'SELECT tokens FROM llm_usage WHERE shop_id = ? AND day = ?', 1, 'd')).toMatch(
      /USING (PRIMARY KEY|INDEX sqlite_autoindex_llm_usage)/,
    );
    expect(queryPlan(store, 'SELECT messages FROM llm_contact_usage WHERE shop_id = ? AND contact_id = ? AND day = ?', 1, 2, 'd')).toMatch(
      /USING (PRIMARY KEY|INDEX sqlite_autoindex_llm_contact_usage)/,
    );
    expect(queryPlan(store, 'SELECT * FROM guardrail_violations WHERE shop_id = ? ORDER BY id DESC LIMIT 20', 1)).toMatch(
      /USING (COVERING )?INDEX guardrail_violations_shop/,
    );
  });

  it('adds up tokens per shop per day and messages per customer, and keeps violations newest first', async () => {
    const store = await openTestStore();
    store.sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('A', 'DZD', 'now')`).run();
    const cap = makeSpendCap(makeUsageRepo(store.sqlite));
    const limits = { dailyTokenCap: 100, perCustomerDailyMessageCap: 2 };
    cap.recordCall(1, '2026-03-01', 60);
    expect(cap.check(1, 9, '2026-03-01', limits)).toEqual({ allowed: true });
    cap.recordCall(1, '2026-03-01', 50);
    expect(cap.check(1, 9, '2026-03-01', limits)).toEqual({ allowed: false, reason: 'daily_token_cap' });
    expect(cap.check(1, 9, '2026-03-02', limits)).toEqual({ allowed: true });
    cap.recordAnswered(1, 9, '2026-03-02');
    cap.recordAnswered(1, 9, '2026-03-02');
    expect(cap.check(1, 9, '2026-03-02', limits)).toEqual({ allowed: false, reason: 'customer_message_cap' });
    expect(cap.usage(1, '2026-03-01', 100)).toEqual({ day: '2026-03-01', tokens: 110, requests: 2, dailyTokenCap: 100, capReached: true });

    const log = makeViolationsRepo(store.sqlite);
    for (const reply of ['first', 'second']) {
      log.add({
        shopId: 1,
        conversationId: null,
        source: 'llm',
        reply,
        action: 'regenerated',
        at: 'now',
        violations: [{ kind: 'unbacked_number', detail: 'd', fragment: '1' }],
      });
    }
    expect(log.recent(1, 10).map((v) => v.reply)).toEqual(['second', 'first']);
  });
});
