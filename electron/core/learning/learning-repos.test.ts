import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/orders';
import { type Store, openDatabase } from '../database';
import { makeAnalyzerRepo } from './analyzer/analyzer-repo';
import { makeLearnedRepo } from './analyzer/learned-repo';
import { makeOptOutsRepo } from './follow-ups/opt-outs-repo';
import { makeProfilesRepo } from './profiles/profiles-repo';
import { makeJobsRepo } from './scheduler/jobs-repo';

/*
 * The learning repositories' queries the flow tests reach least: each case would fail if a
 * filter, an ordering or a computed value of the built statement were wrong.
 */
let store: Store;
const t = '2026-11-01T10:00:00.000Z';
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  const db = store.sqlite;
  db.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'MAD', ?), (2, 'B', 'MAD', ?)").run(t, t);
  db.prepare(
    "INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', ?), (2, 2, 'simulator', 't', 'connected', ?)",
  ).run(t, t);
  db.prepare("INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (1, 1, '212600000001@s.whatsapp.net', ?), (2, 2, 'x', ?)").run(
    t,
    t,
  );
  db.prepare('INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 1, ?), (2, 2, 2, 2, ?)').run(
    t,
    t,
  );
});
afterEach(() => store.close());

function knowledge(shopId: number, question: string, status: string): number {
  return Number(
    store.sqlite
      .prepare(
        "INSERT INTO knowledge (shop_id, question, answer, keywords, source, status, search_doc, created_at, updated_at) VALUES (?, ?, 'a', '[\"k\"]', 'learned', ?, '', ?, ?)",
      )
      .run(shopId, question, status, t, t).lastInsertRowid,
  );
}

describe('learning repositories', () => {
  it('analyzer and learned: support adds up, confidence is capped at 0.95, the list keeps to its shop and status, by support', () => {
    const analyzer = makeAnalyzerRepo(store.sqlite);
    const learned = makeLearnedRepo(store.sqlite);
    const a = knowledge(1, 'prix?', 'active');
    const b = knowledge(1, 'livraison?', 'active');
    const pending = knowledge(1, 'taille?', 'pending');
    const other = knowledge(2, 'couleur?', 'active');
    const source = { shopId: 1, kind: 'qa', category: 'price', confidence: 0.6, support: 1, conversationId: 1, now: t };
    analyzer.addSource({ ...source, knowledgeId: a });
    analyzer.addSource({ ...source, knowledgeId: b, confidence: 0.9 });
    analyzer.addSource({ ...source, knowledgeId: pending });
    analyzer.addSource({ ...source, knowledgeId: other, shopId: 2 });
    analyzer.addSupport(a, 2);
    analyzer.addSupport(b, 3);
    const list = learned.list(1, 'active');
    expect(list.map((e) => [e.question, e.support, e.confidence])).toEqual([
      ['livraison?', 4, 0.95],
      ['prix?', 3, 0.7],
    ]);
    expect(list[0]!.keywords).toEqual(['k']);
    expect(learned.list(1, 'pending').map((e) => e.knowledgeId)).toEqual([pending]);
    analyzer.markAnalyzed(1, 1, 2, t);
    analyzer.markAnalyzed(1, 1, 5, t); // ignored: analysed once
    expect(learned.week(1, new Date('2026-11-03T00:00:00.000Z'))).toEqual({ answers: 3, sales: 1 });
    expect(learned.week(1, new Date('2026-11-20T00:00:00.000Z'))).toEqual({ answers: 0, sales: 0 });
  });

  it('analyzer: lists each ordered conversation once with its first order, until analysed', () => {
    const analyzer = makeAnalyzerRepo(store.sqlite);
    const order = store.sqlite.prepare(
      "INSERT INTO orders (shop_id, conversation_id, currency, items_total, total, created_at, updated_at) VALUES (?, ?, 'MAD', 1, 1, ?, ?)",
    );
    order.run(1, 1, '2026-11-02T00:00:00.000Z', t);
    order.run(1, 1, '2026-11-01T12:00:00.000Z', t);
    order.run(1, null, '2026-11-01T12:00:00.000Z', t);
    order.run(2, 2, '2026-11-01T12:00:00.000Z', t);
    expect(analyzer.todo(1)).toEqual([{ conversation_id: 1, ordered_at: '2026-11-01T12:00:00.000Z' }]);
    analyzer.markAnalyzed(1, 1, 0, t);
    expect(analyzer.todo(1)).toEqual([]);
  });

  it('profiles: an order fills the details it has and keeps the stored ones where it has none', () => {
    const profiles = makeProfilesRepo(store.sqlite);
    const order = (o: Partial<Order>) =>
      ({ contactId: 1, shopId: 1, customerName: '', phone: '', wilaya: '', commune: '', address: '', language: null, ...o }) as Order;
    profiles.recordOrder(order({ customerName: 'Amina', phone: '0550', wilaya: 'Alger', address: 'rue 1', language: 'fr' }), t);
    profiles.recordOrder(order({ wilaya: 'Oran' }), t);
    expect(profiles.profile(1, 1)).toMatchObject({ name: 'Amina', phone: '0550', wilaya: 'Oran', address: 'rue 1', language: 'fr' });
    expect(profiles.profile(2, 1)).toBeNull();
  });

  it('opt-outs: opting back in records the last message; a stop while opted out keeps the first one', () => {
    const optOuts = makeOptOutsRepo(store.sqlite);
    const message = store.sqlite.prepare(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (?, ?, ?, 'in', 'customer', 'stop', 'received', ?)",
    );
    const first = Number(message.run(1, 1, 1, t).lastInsertRowid);
    const second = Number(message.run(1, 1, 1, t).lastInsertRowid);
    message.run(2, 2, 2, t); // another contact's, later
    optOuts.record(1, 1, first, t);
    optOuts.record(1, 1, second, '2026-11-02T00:00:00.000Z');
    expect(optOuts.list(1)).toMatchObject([{ contactId: 1, since: t, phone: '+212600000001' }]);
    expect(optOuts.optIn(2, 1, t)).toBe(false);
    expect(optOuts.optIn(1, 1, t)).toBe(true);
    expect(optOuts.isOptedOut(1)).toBe(false);
    expect(optOuts.readFrom(1)).toBe(second);
    optOuts.record(1, 1, second, '2026-11-03T00:00:00.000Z');
    expect(optOuts.list(1)).toMatchObject([{ contactId: 1, since: '2026-11-03T00:00:00.000Z' }]);
  });

  it('jobs: only a pending job that is due runs, earliest first; the one-shot clock ignores recurring jobs', () => {
    const jobs = makeJobsRepo(store.sqlite);
    jobs.ensure({ kind: 'k', key: 'every', runAt: '2026-11-01T08:00:00.000Z', everyMs: 60_000 }, t);
    jobs.replace({ kind: 'k', key: 'late', runAt: '2026-11-01T09:30:00.000Z' }, t);
    jobs.replace({ kind: 'k', key: 'soon', runAt: '2026-11-01T09:00:00.000Z', payload: { a: 1 } }, t);
    const every = jobs.byKey('every')!;
    jobs.giveUp(every.id, 'boom', t);
    expect(jobs.byKey('every')).toMatchObject({ state: 'failed', attempts: 1, last_error: 'boom' });
    expect(jobs.due('2026-11-01T08:59:00.000Z')).toBeUndefined();
    expect(jobs.due('2026-11-01T10:00:00.000Z')).toMatchObject({ unique_key: 'soon', payload: '{"a":1}' });
    expect(jobs.next(true)).toBe('2026-11-01T09:00:00.000Z');
    expect(jobs.retry(every.id, '2026-11-01T07:00:00.000Z')).toBe(true);
    expect(jobs.next(false)).toBe('2026-11-01T07:00:00.000Z');
    expect(jobs.next(true)).toBe('2026-11-01T09:00:00.000Z');
    expect(jobs.failing().map((j) => j.unique_key)).toEqual(['every']);
    expect(jobs.cancel('soon')).toBe(true);
    expect(jobs.list().map((j) => j.unique_key)).toEqual(['every', 'late']);
  });
});
