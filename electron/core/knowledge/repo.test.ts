import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../database';
import { deleteContactData } from './erase-contact-repo';
import { type KnowledgeInput, makeKnowledgeRepo } from './repo';

/*
 * The knowledge repositories as typed statements: each filter and order of their queries is
 * pinned by a case that fails when it is dropped (another shop, the status, newest first, only
 * active entries indexed, only learned entries quoting the customer erased).
 */

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite
    .prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique', 'DZD', 'now'), (2, 'Other', 'EUR', 'now')`)
    .run();
});
afterEach(() => store.close());

const entry = (question: string, over: Partial<KnowledgeInput> = {}): KnowledgeInput => ({
  question,
  answer: 'Oui, partout en Algérie.',
  keywords: ['livraison'],
  source: 'seller',
  status: 'active',
  ...over,
});

/** How many rows each FTS index holds for the entry. */
const indexed = (id: number) =>
  ['knowledge_tri', 'knowledge_words'].map(
    (t) => (store.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE rowid = ?`).get(id) as { n: number }).n,
  );

describe('knowledge repository', () => {
  it('lists the shop’s entries newest first, by status, and indexes only the active ones', () => {
    const repo = makeKnowledgeRepo(store.sqlite);
    const a = repo.create(1, entry('Livrez-vous ?'), 'now');
    const b = repo.create(1, entry('Payer à la livraison ?', { source: 'learned', status: 'pending' }), 'now');
    const other = repo.create(2, entry('Delivery?'), 'now');
    expect(repo.list(1).map((e) => e.id)).toEqual([b.id, a.id]);
    expect(repo.list(1, 'pending').map((e) => e.id)).toEqual([b.id]);
    expect(repo.list(1, 'dismissed')).toEqual([]);
    expect(repo.get(1, other.id)).toBeUndefined();
    expect(repo.get(1, a.id)).toMatchObject({ question: 'Livrez-vous ?', keywords: ['livraison'], source: 'seller', status: 'active' });
    expect([indexed(a.id), indexed(b.id)]).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(
      JSON.parse((store.sqlite.prepare(`SELECT search_doc FROM knowledge WHERE id = ?`).get(a.id) as { search_doc: string }).search_doc),
    ).toHaveProperty('question');
  });

  it('updates and deletes within the shop, the indexes following', () => {
    const repo = makeKnowledgeRepo(store.sqlite);
    const b = repo.create(1, entry('Payer à la livraison ?', { status: 'pending' }), 'now');
    expect(repo.update(2, b.id, { status: 'active' }, 'later')).toBeUndefined();
    expect(repo.update(1, b.id, { status: 'active', answer: 'Oui.' }, 'later')).toMatchObject({
      status: 'active',
      answer: 'Oui.',
      updatedAt: 'later',
    });
    expect(indexed(b.id)).toEqual([1, 1]);
    repo.update(1, b.id, { status: 'dismissed' }, 'later');
    expect(indexed(b.id)).toEqual([0, 0]);
    repo.update(1, b.id, { status: 'active' }, 'later');
    expect(repo.delete(2, b.id)).toBe(false);
    expect(repo.delete(1, b.id)).toBe(true);
    expect(indexed(b.id)).toEqual([0, 0]);
    expect(repo.list(1)).toEqual([]);
  });
});

describe('knowledge erasure of a contact', () => {
  it('deletes the shop’s learned entries that quote the customer, with their index rows, and nothing else', () => {
    const repo = makeKnowledgeRepo(store.sqlite);
    const quoting = repo.create(1, entry('Karim du 0550 demande la livraison', { source: 'learned' }), 'now');
    const seller = repo.create(1, entry('Karim du 0550 ?', { source: 'seller' }), 'now');
    const unrelated = repo.create(1, entry('Livraison à Oran ?', { source: 'learned' }), 'now');
    const otherShop = repo.create(2, entry('Karim du 0550 ?', { source: 'learned' }), 'now');
    expect(deleteContactData(store.sqlite, { shopId: 1, quotes: ['Karim du 0550'] })).toEqual({ learnedEntries: 1 });
    expect(repo.get(1, quoting.id)).toBeUndefined();
    expect(indexed(quoting.id)).toEqual([0, 0]);
    expect([repo.get(1, seller.id), repo.get(1, unrelated.id), repo.get(2, otherShop.id)].every(Boolean)).toBe(true);
    expect(indexed(unrelated.id)).toEqual([1, 1]);
    expect(deleteContactData(store.sqlite, { shopId: 1, quotes: [] })).toEqual({ learnedEntries: 0 });
  });
});
