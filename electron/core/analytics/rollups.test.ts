import type SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../database';
import { noFollowUps } from './follow-ups';
import { computeOverview } from './overview';
import { type WritableSqlite, readOnlyView } from '../store';
import { makeRollupRepo } from './rollup-repo';
import { makeAnalytics } from './service';
import { makeStatementCache } from './statements';
import { FIXTURE_ZONE, seedAnalyticsFixture } from '../test-utils/analytics-fixture';
// The bandit's seeded generator: the same "random" fixture on every run.
import { mulberry32 as seeded } from '../learning/bandit/random';

const ZONE = 'Europe/Paris';
/** 10 March – 9 April 2026: spans the spring-forward night of 29 March. */
const START = Date.parse('2026-03-10T00:00:00.000Z');
const SPAN = 30 * 86_400_000;

/**
 * Conversations with waits that cross midnights and period starts, drafts and rejected drafts,
 * seller takeovers, products and languages; messages stored in time order as a live shop does.
 */
function seedRandom(sqlite: SQLite.Database, rand: () => number): number[] {
  const now = '2026-03-01T00:00:00.000Z';
  sqlite.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('R', 'EUR', '${now}'), ('S', 'EUR', '${now}');
    INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'A', 'connected', '${now}'), (1, 'simulator', 'B', 'connected', '${now}'), (2, 'simulator', 'C', 'connected', '${now}');`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const rows: { shop: number; account: number; conv: number; who: number; status: string; meta: string | null; t: number }[] = [];
  for (let c = 1; c <= 60; c++) {
    const shop = c % 10 === 0 ? 2 : 1;
    const account = shop === 2 ? 3 : pick([1, 2]);
    const contact = Number(
      sqlite.prepare('INSERT INTO contacts (shop_id, jid, created_at) VALUES (?, ?, ?)').run(shop, `c${c}@x`, now).lastInsertRowid,
    );
    const reason = rand() < 0.2 ? 'human_request' : null;
    sqlite
      .prepare('INSERT INTO conversations (shop_id, account_id, contact_id, escalation_reason, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(shop, account, contact, reason, now);
    let t = START + rand() * SPAN;
    const n = 2 + Math.floor(rand() * 25);
    for (let m = 0; m < n; m++) {
      // Mostly minutes apart, sometimes hours or days (a wait across midnight, across a period start).
      const r = rand();
      t += r < 0.7 ? rand() * 600_000 : r < 0.9 ? rand() * 8 * 3_600_000 : rand() * 3 * 86_400_000;
      const who = rand() < 0.5 ? 0 : rand() < 0.8 ? 1 : 2;
      const status = who === 0 ? 'received' : pick(['sent', 'sent', 'sent', 'delivered', 'draft', 'rejected']);
      const meta =
        who === 1
          ? JSON.stringify({
              intent: pick(['greeting', 'price_question', 'other', 'objection_price']),
              language: pick(['fr', 'ar', 'dz-latn', null]),
              orderAction: pick(['none', 'none', 'start', 'confirm']),
              escalate: rand() < 0.1,
              skus: rand() < 0.5 ? [pick(['P1', 'P2', 'P3'])] : [],
              citations: [],
              inReplyTo: [],
            })
          : null;
      rows.push({ shop, account, conv: c, who, status, meta, t: Math.round(t) });
    }
  }
  rows.sort((a, b) => a.t - b.t);
  const insert = sqlite.prepare(
    `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, meta, created_at) VALUES (?, ?, ?, ?, ?, 'hello', ?, ?, ?)`,
  );
  const ids = rows.map((r) =>
    Number(
      insert.run(
        r.shop,
        r.account,
        r.conv,
        r.who === 0 ? 'in' : 'out',
        ['customer', 'bot', 'seller'][r.who],
        r.status,
        r.meta,
        new Date(r.t).toISOString(),
      ).lastInsertRowid,
    ),
  );
  const confirming = new Set<number>();
  while (confirming.size < 25) confirming.add(pick(ids));
  for (const fromMessage of confirming) {
    const conv = 1 + Math.floor(rand() * 60);
    const at = new Date(START + rand() * SPAN).toISOString();
    sqlite
      .prepare(
        `INSERT INTO orders (shop_id, conversation_id, status, currency, items_total, total, created_from_message_id, created_at, updated_at) VALUES (?, ?, ?, 'EUR', 100, 100, ?, ?, ?)`,
      )
      .run(conv % 10 === 0 ? 2 : 1, conv, pick(['new', 'delivered', 'cancelled']), fromMessage, at, at);
    sqlite
      .prepare(
        `INSERT INTO order_items (order_id, shop_id, sku, name, quantity, unit_price) SELECT max(id), shop_id, ?, 'x', ?, 100 FROM orders`,
      )
      .run(pick(['P1', 'P2', 'P3']), 1 + Math.floor(rand() * 3));
  }
  return ids;
}

/** Periods that start and end mid-wait, a single day, the DST week, and the whole span. */
const PERIODS = [
  ['2026-03-10', '2026-04-09'],
  ['2026-03-27', '2026-03-31'],
  ['2026-03-29', '2026-03-29'],
  ['2026-03-15', '2026-03-21'],
  ['2026-04-02', '2026-04-08'],
] as const;

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

function compare(sqlite: WritableSqlite, shops: number[], periods: readonly (readonly [string, string])[] = PERIODS) {
  const rolled = makeAnalytics({ read: readOnlyView(sqlite), rollups: makeRollupRepo(sqlite) });
  const statement = makeStatementCache(readOnlyView(sqlite));
  const mismatches: string[] = [];
  for (const shopId of shops)
    for (const [from, to] of periods) {
      const req = { shopId, from, to, timeZone: ZONE, currency: 'EUR', compare: true, typingSeconds: 30 };
      const expected = computeOverview(statement, noFollowUps, req);
      const actual = rolled.overview(req);
      try {
        expect(actual).toEqual(expected);
      } catch {
        mismatches.push(`${shopId} ${from}..${to}`);
      }
    }
  return mismatches;
}

/** Edits the figures must follow, by the kind of write each is. */
const EDITS = {
  conversationUpdate: (sqlite: SQLite.Database) =>
    sqlite.exec(`UPDATE conversations SET escalation_reason = 'asked for a refund' WHERE id % 3 = 0`),
  orderUpdate: (sqlite: SQLite.Database) => sqlite.exec(`UPDATE orders SET status = 'delivered', cash_collected = total WHERE id % 4 = 0`),
  itemUpdate: (sqlite: SQLite.Database) => sqlite.exec(`UPDATE order_items SET quantity = quantity + 2 WHERE id % 3 = 0`),
  orderDelete: (sqlite: SQLite.Database) => sqlite.exec(`DELETE FROM orders WHERE id % 7 = 0`),
  // A seller message the evening before an order: the order becomes the seller's (the next day's figures change).
  sellerBeforeOrder: (sqlite: SQLite.Database) =>
    sqlite.exec(`INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at)
      SELECT o.shop_id, c.account_id, o.conversation_id, 'out', 'seller', 'je m''en occupe', 'sent', strftime('%Y-%m-%dT%H:%M:%fZ', o.created_at, '-20 hours')
      FROM orders o JOIN conversations c ON c.id = o.conversation_id WHERE o.id % 5 = 1`),
  messageUpdate: (sqlite: SQLite.Database, pick: () => number) => {
    sqlite
      .prepare(`UPDATE messages SET status = 'sent' WHERE status = 'draft' AND id IN (?, ?, ?, ?, ?, ?)`)
      .run(pick(), pick(), pick(), pick(), pick(), pick());
    const drafts = sqlite.prepare(`SELECT id FROM messages WHERE status = 'draft' LIMIT 3`).pluck().all() as number[];
    for (const id of drafts) sqlite.prepare(`UPDATE messages SET status = 'sent' WHERE id = ?`).run(id);
    sqlite
      .prepare(
        `UPDATE messages SET meta = json_set(meta, '$.language', 'pt', '$.orderAction', 'start') WHERE author = 'bot' AND id IN (?, ?, ?)`,
      )
      .run(pick(), pick(), pick());
  },
  messageDelete: (sqlite: SQLite.Database, pick: () => number) => {
    for (let i = 0; i < 8; i++) sqlite.prepare('DELETE FROM messages WHERE id = ?').run(pick());
  },
  lateInsert: (sqlite: SQLite.Database) =>
    sqlite.exec(
      `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (1, 1, 1, 'in', 'customer', 'late', 'received', '2026-03-29T00:30:00.000Z')`,
    ),
};
type Edit = keyof typeof EDITS;

function mutate(sqlite: SQLite.Database, ids: number[], rand: () => number, edits = Object.keys(EDITS) as Edit[]): void {
  const pick = () => ids[Math.floor(rand() * ids.length)]!;
  for (const edit of edits) EDITS[edit](sqlite, pick);
}

describe('daily rollups', () => {
  it('give the same page as the on-demand computation on a randomised fixture, before and after edits', async () => {
    store = await openDatabase({ file: ':memory:' });
    const rand = seeded(20260329);
    const ids = seedRandom(store.sqlite, rand);
    expect(compare(store.sqlite, [1, 2])).toEqual([]);
    mutate(store.sqlite, ids, rand);
    expect(compare(store.sqlite, [1, 2])).toEqual([]);
    // Receipts change no figure and note no change.
    store.sqlite.exec('DELETE FROM analytics_dirty_hours');
    store.sqlite.exec(`UPDATE messages SET status = 'read' WHERE status = 'delivered'`);
    expect(store.sqlite.prepare('SELECT count(*) FROM analytics_dirty_hours').pluck().get()).toBe(0);
  });

  it('give the hand-checked Paris fixture (DST change, UTC midnight) exactly', async () => {
    store = await openDatabase({ file: ':memory:' });
    store.sqlite.exec("INSERT INTO shops (name, currency, created_at) VALUES ('Paris', 'EUR', 'now'), ('Other', 'DZD', 'now')");
    seedAnalyticsFixture(store.sqlite, 1, 2);
    const periods = [
      ['2026-03-28', '2026-03-30'],
      ['2026-03-25', '2026-03-31'],
      ['2026-03-29', '2026-03-29'],
    ] as const;
    expect(compare(store.sqlite, [1, 2], periods)).toEqual([]);
    // A time zone change rebuilds the days in the new zone (compare() reads Paris; Algiers in between).
    const rolled = makeAnalytics({ read: readOnlyView(store.sqlite), rollups: makeRollupRepo(store.sqlite) });
    rolled.overview({
      shopId: 1,
      from: '2026-03-28',
      to: '2026-03-30',
      timeZone: 'Africa/Algiers',
      currency: 'EUR',
      compare: true,
      typingSeconds: 30,
    });
    expect(compare(store.sqlite, [1], periods)).toEqual([]);
    expect(FIXTURE_ZONE).toBe(ZONE);
  });

  it.each([
    ['a message delete', 'analytics_dirty_on_delete', 'messageDelete'],
    ['a message update', 'analytics_dirty_on_update', 'messageUpdate'],
    ['an order update', 'analytics_dirty_on_order_update', 'orderUpdate'],
    ['an order item update', 'analytics_dirty_on_item_update_new', 'itemUpdate'],
  ] as const)('catch a trigger that misses %s (planted bug)', async (_what, trigger, edit) => {
    store = await openDatabase({ file: ':memory:' });
    const rand = seeded(20260329);
    const ids = seedRandom(store.sqlite, rand);
    expect(compare(store.sqlite, [1])).toEqual([]);
    store.sqlite.exec(`DROP TRIGGER ${trigger}`);
    if (trigger === 'analytics_dirty_on_item_update_new') store.sqlite.exec('DROP TRIGGER analytics_dirty_on_item_update_old');
    mutate(store.sqlite, ids, rand, [edit]);
    expect(compare(store.sqlite, [1]).length).toBeGreaterThan(0);
  });

  it("rebuild the day after a seller message: it decides who closed the next 24 hours' orders", async () => {
    store = await openDatabase({ file: ':memory:' });
    const sqlite = store.sqlite;
    seedRandom(sqlite, seeded(3));
    // A bot order at 10:00 Paris on 2 April, confirmed by a customer message in its conversation.
    sqlite.exec(`INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at)
        VALUES (1, 1, 1, 'in', 'customer', 'ok', 'received', '2026-04-02T07:59:00.000Z');
      INSERT INTO orders (shop_id, conversation_id, status, currency, items_total, total, created_from_message_id, created_at, updated_at)
        VALUES (1, 1, 'new', 'EUR', 100, 100, last_insert_rowid(), '2026-04-02T08:00:00.000Z', '2026-04-02T08:00:00.000Z')`);
    const analytics = makeAnalytics({ read: readOnlyView(sqlite), rollups: makeRollupRepo(sqlite) });
    const req = { shopId: 1, from: '2026-04-02', to: '2026-04-02', timeZone: ZONE, currency: 'EUR', compare: false, typingSeconds: 30 };
    const before = analytics.overview(req).kpis.ordersBySeller;
    // The seller wrote at 21:00 Paris the evening before.
    sqlite.exec(`INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at)
      VALUES (1, 1, 1, 'out', 'seller', 'je vous le réserve', 'sent', '2026-04-01T19:00:00.000Z')`);
    expect(analytics.overview(req).kpis.ordersBySeller).toBe(before + 1);
  });

  it('fall back to the on-demand figures when the store takes no write (a full disk)', async () => {
    store = await openDatabase({ file: ':memory:' });
    seedRandom(store.sqlite, seeded(11));
    store.sqlite.pragma('query_only = ON');
    expect(compare(store.sqlite, [1], PERIODS.slice(0, 2))).toEqual([]);
    expect(store.sqlite.prepare('SELECT count(*) FROM analytics_days').pluck().get()).toBe(0);
    store.sqlite.pragma('query_only = OFF');
  });

  it('back-fills an old store newest first, in slices, and then needs no build to answer', async () => {
    store = await openDatabase({ file: ':memory:' });
    seedRandom(store.sqlite, seeded(7));
    const now = () => new Date('2026-04-12T10:00:00.000Z');
    const analytics = makeAnalytics({ read: readOnlyView(store.sqlite), rollups: makeRollupRepo(store.sqlite), now });
    const first = analytics.backfill!(1, ZONE, 10);
    expect(first.built).toBe(10);
    expect(first.remaining).toBeGreaterThan(0);
    let left = first.remaining;
    while (left > 0) left = analytics.backfill!(1, ZONE, 10).remaining;
    const days = store.sqlite.prepare('SELECT count(*) FROM analytics_days WHERE shop_id = 1').pluck().get() as number;
    const firstDay = store.sqlite.prepare('SELECT min(created_at) FROM messages WHERE shop_id = 1').pluck().get() as string;
    expect(days).toBeGreaterThanOrEqual(Math.floor((now().getTime() - Date.parse(firstDay)) / 86_400_000));
    expect(analytics.backfill!(1, ZONE, 10)).toEqual({ built: 0, remaining: 0 });
    expect(compare(store.sqlite, [1])).toEqual([]);
  });
});
