import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsOverview, FollowUpFigures } from '../../../shared/domain/analytics';
import { call, makeTempCore } from '../test-utils/temp-core';
import type { Core } from '../create-core';
import { ROLLUP_BACKFILL_JOB } from './app';
import { computeOverview } from './overview';
import { readOnlyView } from '../store';
import { makeStatementCache } from './statements';
import { FIXTURE_ZONE, seedAnalyticsFixture } from '../test-utils/analytics-fixture';

let core: Core;
let cleanup: () => Promise<void>;
let shopId: number;

beforeAll(async () => {
  ({ core, cleanup } = await makeTempCore());
  shopId = (await call<{ id: number }>(core, 'shops/create', { name: 'Paris', currency: 'EUR' })).id;
  const other = (await call<{ id: number }>(core, 'shops/create', { name: 'Other', currency: 'DZD' })).id;
  seedAnalyticsFixture(core.ctx.store.sqlite, shopId, other);
});
afterAll(async () => {
  await cleanup();
});

describe('analytics contract calls', () => {
  it("use the shop's time zone from its settings", async () => {
    const period = { shopId, from: '2026-03-28', to: '2026-03-30' };
    const algiers = await call<AnalyticsOverview>(core, 'analytics/get-overview', period);
    expect(algiers.period).toMatchObject({
      timeZone: 'Africa/Algiers',
      fromUtc: '2026-03-27T23:00:00.000Z',
      toUtc: '2026-03-30T23:00:00.000Z',
    });
    await call(core, 'settings/update', { shopId, patch: { facts: { timeZone: FIXTURE_ZONE } } });
    const paris = await call<AnalyticsOverview>(core, 'analytics/get-overview', period);
    expect(paris.period.toUtc).toBe('2026-03-30T22:00:00.000Z');
    expect(paris.kpis.revenue).toBe(8500);
    expect(paris.currency).toBe('EUR');
  });

  it('answer a bad period or an unknown shop with a clear error', async () => {
    const backwards = await core.app.dispatch('analytics/get-overview', { shopId, from: '2026-03-30', to: '2026-03-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/before it starts/) } });
    const badDay = await core.app.dispatch('analytics/export', { shopId, kind: 'orders', from: '30/03/2026', to: '2026-03-30' });
    expect(badDay).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const noShop = await core.app.dispatch('analytics/get-overview', { shopId: 999, from: '2026-03-01', to: '2026-03-02' });
    expect(noShop).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('follow-ups section', () => {
  it('carries what the learning domain reports for the period, and nothing when it reports nothing', () => {
    const statement = makeStatementCache(readOnlyView(core.ctx.store.sqlite));
    const figures: FollowUpFigures = {
      sent: 4,
      recovered: 1,
      recoveredRevenue: 3000,
      strategies: [{ strategy: 'scarcity', conversations: 3, orders: 1, rate: 1 / 3 }],
    };
    const asked: unknown[] = [];
    const source = {
      figures: (id: number, p: { fromUtc: string; toUtc: string }) => (asked.push([id, p]), id === shopId ? figures : null),
    };
    const req = {
      shopId,
      from: '2026-03-28',
      to: '2026-03-30',
      timeZone: FIXTURE_ZONE,
      currency: 'EUR',
      compare: false,
      typingSeconds: 30,
    };
    expect(computeOverview(statement, source, req).followUps).toEqual(figures);
    expect(asked).toEqual([[shopId, { fromUtc: '2026-03-27T23:00:00.000Z', toUtc: '2026-03-30T22:00:00.000Z' }]]);
    expect(computeOverview(statement, source, { ...req, shopId: shopId + 1 }).followUps).toBeNull();
  });
});

describe('rollup back-fill job', () => {
  it("is on core's scheduler and builds every day of a store that had messages before the rollups", async () => {
    expect(core.learning.scheduler.jobs().map((j) => j.key)).toContain(ROLLUP_BACKFILL_JOB);
    const sqlite = core.ctx.store.sqlite;
    sqlite.exec('DELETE FROM analytics_days');
    const days = () => sqlite.prepare('SELECT count(*) FROM analytics_days WHERE shop_id = ?').pluck().get(shopId) as number;
    // A run that reports more (a slice built, days still missing) runs again until none is.
    core.learning.scheduler.nudge(ROLLUP_BACKFILL_JOB);
    await core.learning.scheduler.runDue();
    const first = sqlite.prepare('SELECT min(created_at) FROM messages WHERE shop_id = ?').pluck().get(shopId) as string;
    const span = Math.floor((core.ctx.clock.now().getTime() - Date.parse(first)) / 86_400_000);
    expect(days()).toBeGreaterThanOrEqual(span);
  });
});
