import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsOverview } from '../../../shared/domain/analytics';
import { type Store, openDatabase } from '../database';
import { escalationCodes } from './conversation-figures';
import { noFollowUps } from './follow-ups';
import { quantile } from './message-figures';
import { computeOverview } from './overview';
import { readOnlyView } from '../store';
import { makeStatementCache } from './statements';
import { FIXTURE_ZONE, seedAnalyticsFixture } from '../test-utils/analytics-fixture';

let store: Store;
let overview: AnalyticsOverview;
const request = {
  shopId: 1,
  from: '2026-03-28',
  to: '2026-03-30',
  timeZone: FIXTURE_ZONE,
  currency: 'EUR',
  compare: true,
  typingSeconds: 30,
};

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.exec("INSERT INTO shops (name, currency, created_at) VALUES ('Paris', 'EUR', 'now'), ('Other', 'DZD', 'now')");
  seedAnalyticsFixture(store.sqlite, 1, 2);
  overview = computeOverview(makeStatementCache(readOnlyView(store.sqlite)), noFollowUps, request);
});
afterAll(async () => {
  await store.close();
});

/** Every expected figure below was worked out by hand from test-fixture.ts (see its comments). */
describe('analytics overview on the Paris fixture (28–30 March 2026, clocks forward on the 29th)', () => {
  it('bounds the period at local midnights, one hour and then two ahead of UTC', () => {
    expect(overview.period).toEqual({
      from: '2026-03-28',
      to: '2026-03-30',
      timeZone: 'Europe/Paris',
      fromUtc: '2026-03-27T23:00:00.000Z',
      toUtc: '2026-03-30T22:00:00.000Z',
      days: 3,
    });
    expect(overview.previous).toEqual({ from: '2026-03-25', to: '2026-03-27' });
  });

  it('adds up revenue, bot vs seller orders, average order value and cash collected', () => {
    expect(overview.kpis).toMatchObject({
      revenue: 8500, // 4500 delivered + 3000 new + 1000 shipped; the cancelled 9999 and the other shop's 77777 left out
      orders: 3,
      ordersByBot: 1,
      revenueByBot: 4500,
      ordersBySeller: 2, // one typed in by hand, one closed 10 minutes after the seller wrote
      revenueBySeller: 4000,
      averageOrderValue: 2833.33,
      cashCollected: 4500,
      deliveredOrders: 1,
    });
  });

  it('counts conversations, conversion, auto-resolution, escalations, guardrails, messages and time saved', () => {
    expect(overview.kpis).toMatchObject({
      conversations: 4, // C5 only got a bot message this period (its customer wrote at 23:59 on the 27th)
      conversionRate: 0.5,
      autoResolutionRate: 0.75,
      escalationRate: 0.25,
      escalations: 1,
      guardrailInterventions: 1, // one reply, two violations
      messagesIn: 10,
      messagesOut: 11,
      botReplies: 10,
      sellerReplies: 1,
      timeSavedMinutes: 5,
    });
    expect(overview.escalationReasons).toEqual([
      { reason: 'low_confidence', count: 1 },
      { reason: 'refund_complaint', count: 1 },
    ]);
    expect(overview.guardrails).toEqual([
      { kind: 'unbacked_number', count: 1 },
      { kind: 'unknown_product', count: 1 },
    ]);
  });

  it('draws the funnel with every step counting those that got at least that far', () => {
    expect(overview.funnel).toEqual({ conversations: 4, askedPrice: 3, startedOrder: 2, confirmed: 2, delivered: 1 });
  });

  it('splits conversion by language and by number', () => {
    expect(overview.byLanguage).toEqual([
      { key: 'ar', label: 'ar', conversations: 1, orders: 1, rate: 1 },
      { key: 'dz-latn', label: 'dz-latn', conversations: 1, orders: 1, rate: 1 },
      { key: 'en', label: 'en', conversations: 1, orders: 0, rate: 0 },
      { key: 'fr', label: 'fr', conversations: 1, orders: 0, rate: 0 },
    ]);
    expect(overview.byAccount).toEqual([
      { key: '1', label: 'Boutique', conversations: 3, orders: 1, rate: 1 / 3 },
      { key: '2', label: 'Second number', conversations: 1, orders: 1, rate: 1 },
    ]);
  });

  it('measures first responses: the bot in seconds, the seller in minutes', () => {
    // Bot: 3, 5, 5, 10, 20, 30, 40, 60, 120 s → median (5th of 9) 20, p90 (9th) 120. C5's reply answers a message of the previous period: not counted.
    expect(overview.responseTimes).toEqual({
      bot: { count: 9, medianSeconds: 20, p90Seconds: 120 },
      seller: { count: 1, medianSeconds: 600, p90Seconds: 600 },
    });
  });

  it('files each message under its local day and hour, across UTC midnight and the missing 02:00', () => {
    expect(overview.days).toEqual([
      { day: '2026-03-28', messagesIn: 3, messagesOut: 4, orders: 2, revenue: 5500 },
      { day: '2026-03-29', messagesIn: 2, messagesOut: 2, orders: 0, revenue: 0 },
      { day: '2026-03-30', messagesIn: 5, messagesOut: 5, orders: 1, revenue: 3000 },
    ]);
    // 28 March is a Saturday (6), the 29th a Sunday (0), the 30th a Monday (1).
    expect(overview.busyHours).toEqual([
      { weekday: 0, hour: 1, count: 1 },
      { weekday: 0, hour: 3, count: 1 },
      { weekday: 1, hour: 0, count: 1 },
      { weekday: 1, hour: 10, count: 1 },
      { weekday: 1, hour: 14, count: 3 },
      { weekday: 6, hour: 0, count: 1 },
      { weekday: 6, hour: 11, count: 2 },
    ]);
  });

  it('lists asked products, lost demand on what is out of stock, and questions without an answer', () => {
    expect(overview.topProducts).toEqual([
      { sku: 'ROBE-R', name: 'Robe rouge', requests: 1, unitsOrdered: 0, stock: 0 },
      { sku: 'SAC-1', name: 'Sac cuir camel', requests: 1, unitsOrdered: 2, stock: 5 },
    ]);
    expect(overview.outOfStock.map((p) => p.sku)).toEqual(['ROBE-R']);
    // Two wordings fold to one question; the Saturday question is already in the FAQ.
    expect(overview.unanswered).toEqual([{ text: 'do you deliver to oran', count: 2, lastAskedAt: '2026-03-30T12:01:00.000Z' }]);
    expect(overview.followUps).toBeNull();
  });

  it('compares with the three days before', () => {
    expect(overview.previousKpis).toMatchObject({
      revenue: 2000, // ordered at 23:50 local on the 27th (22:50 UTC)
      orders: 1,
      ordersByBot: 1,
      conversations: 1,
      conversionRate: 1,
      messagesIn: 2,
      messagesOut: 1,
      botReplies: 1,
      timeSavedMinutes: 0.5,
    });
  });

  it("moves with the seller's typing time and the shop's time zone", () => {
    const statement = makeStatementCache(readOnlyView(store.sqlite));
    expect(computeOverview(statement, noFollowUps, { ...request, typingSeconds: 60 }).kpis.timeSavedMinutes).toBe(10);
    // In UTC the 23:30 message of the 27th falls out of the period and C5's "merci" reply stays in the 27th.
    const utc = computeOverview(statement, noFollowUps, { ...request, timeZone: 'UTC', compare: false });
    expect(utc.previousKpis).toBeNull();
    expect(utc.days.map((d) => d.messagesIn)).toEqual([2, 3, 4]);
  });
});

describe('analytics helpers', () => {
  it('takes nearest-rank quantiles', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
  it("reads an escalation's codes, an AI model's own words as a note, and nothing as 'the bot asked'", () => {
    expect(escalationCodes('[{"code":"refund_complaint","params":{}},{"code":"low_confidence","params":{}}]')).toEqual([
      'refund_complaint',
      'low_confidence',
    ]);
    expect(escalationCodes('The customer seems upset')).toEqual(['bot_note']);
    expect(escalationCodes(null)).toEqual(['bot_asked']);
  });
});
