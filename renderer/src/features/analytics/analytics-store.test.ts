import { describe, expect, it } from 'vitest';
import type { AnalyticsOverview } from '../../../../shared/domain/analytics';
import type { Client } from '../../api/client';
import { createAnalyticsStore } from './analytics-store';

interface Pending {
  input: Record<string, unknown>;
  resolve: (v: AnalyticsOverview) => void;
}

/** A client whose overview answers are released by the test, in any order. */
function fakeClient() {
  const overviews: Pending[] = [];
  const saved: unknown[] = [];
  const client = {
    async send(name: string, input: Record<string, unknown>) {
      if (name === 'settings/get') return { facts: { timeZone: 'Europe/Paris' } };
      if (name === 'analytics/get-overview') return new Promise((resolve) => overviews.push({ input, resolve }));
      if (name === 'knowledge/save') return saved.push(input);
      throw new Error(name);
    },
    subscribe: () => () => {},
    onConnection: () => () => {},
  } as unknown as Client;
  return { client, overviews, saved };
}

const overview = (from: string, to: string): AnalyticsOverview =>
  ({
    period: { from, to },
    unanswered: [
      { text: 'wach livraison?', count: 2, lastAskedAt: 'x' },
      { text: 'autre', count: 1, lastAskedAt: 'x' },
    ],
  }) as unknown as AnalyticsOverview;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('analytics store', () => {
  it("asks for the last 30 days ending today in the shop's zone, and keeps the newest answer when an older one arrives late", async () => {
    const { client, overviews } = fakeClient();
    // 23:30 UTC on 27 March is already the 28th in Paris.
    const store = createAnalyticsStore({ client, now: () => new Date('2026-03-27T23:30:00Z') });
    void store.getState().setShop(1);
    await settle();
    expect(overviews[0]!.input).toMatchObject({ shopId: 1, from: '2026-02-27', to: '2026-03-28', compare: true, typingSeconds: 30 });
    void store.getState().setPreset('7d');
    await settle();
    expect(overviews[1]!.input).toMatchObject({ from: '2026-03-22', to: '2026-03-28' });
    overviews[1]!.resolve(overview('2026-03-22', '2026-03-28'));
    await settle();
    overviews[0]!.resolve(overview('2026-02-27', '2026-03-28'));
    await settle();
    expect(store.getState().data?.period.from).toBe('2026-03-22');
    expect(store.getState().loading).toBe(false);
  });

  it('refuses a backwards custom period and drops a question once it is added to knowledge', async () => {
    const { client, overviews, saved } = fakeClient();
    const store = createAnalyticsStore({ client, now: () => new Date('2026-03-30T12:00:00Z') });
    void store.getState().setShop(1);
    await settle();
    overviews[0]!.resolve(overview('2026-03-01', '2026-03-30'));
    await settle();
    await store.getState().setPreset('custom');
    store.getState().setCustom({ from: '2026-03-30', to: '2026-03-01' });
    expect(await store.getState().applyCustom()).toBe(false);
    expect(overviews).toHaveLength(1);
    expect(await store.getState().addToKnowledge('wach livraison?', 'Oui, 58 wilayas')).toBe(true);
    expect(saved).toEqual([{ shopId: 1, question: 'wach livraison?', answer: 'Oui, 58 wilayas' }]);
    expect(store.getState().data?.unanswered.map((q) => q.text)).toEqual(['autre']);
  });
});
