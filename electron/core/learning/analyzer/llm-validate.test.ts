import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/catalog';
import type { AnalyzedMessage } from './extract';
import { validateModelPairs } from './llm-validate';
import { product as testProduct } from '../../test-utils/guardrail-fixtures';

const product = (over: Partial<Product> & Pick<Product, 'sku' | 'name' | 'price'>): Product => testProduct({ stock: 5, ...over });
const CATALOG = [
  product({ sku: 'BG', name: 'Sac à main cuir noir', aliases: ['sac noir'], price: 4500, stock: 7 }),
  product({ id: 2, sku: 'DR', name: "Robe d'été fleurie", price: 3900, stock: 0 }),
];
const CHAT: AnalyzedMessage[] = [
  { direction: 'in', author: 'customer', text: 'vous livrez à Oran en combien de jours ?', meta: null },
  { direction: 'out', author: 'seller', text: 'Oui, livraison à Oran en 2 jours, 600 DA.', meta: null },
  { direction: 'in', author: 'customer', text: 'le sac noir est toujours disponible ?', meta: null },
  { direction: 'out', author: 'bot', text: 'Oui, le Sac à main cuir noir est disponible à 4500 DA.', meta: null },
];
const ask = (question: string, answer: string, extra: object = {}) =>
  JSON.stringify({ pairs: [{ kind: 'qa', question, answer, keywords: [], category: 'delivery', confidence: 0.9, ...extra }] });

describe('checks on what the model proposes', () => {
  it('keeps a grounded answer, capped below the seller’s confidence, with a known category', () => {
    const out = validateModelPairs(ask('vous livrez à Oran ?', 'Livraison à Oran en 2 jours pour 600 DA.'), CHAT, CATALOG);
    expect(out.rejected).toEqual([]);
    expect(out.pairs).toEqual([expect.objectContaining({ category: 'delivery', confidence: 0.75 })]);
    expect(
      validateModelPairs(ask('vous livrez à Oran ?', 'Livraison à Oran en 2 jours.', { category: 'whatever' }), CHAT, CATALOG).pairs[0]!
        .category,
    ).toBe('general');
  });

  it.each([
    ['a price the catalog does not back', ask('le sac noir disponible ?', 'Le Sac à main cuir noir est à 3900 DA.'), 'wrong_price'],
    ['a fee nobody said', ask('vous livrez à Oran ?', 'Livraison à Oran en 2 jours pour 450 DA.'), 'number_not_backed'],
    ['"in stock" for an empty shelf', ask('le sac noir disponible ?', "Oui, la Robe d'été fleurie est disponible."), 'out_of_stock'],
    ['a question the customer never asked', ask('vous acceptez les retours ?', 'Livraison à Oran en 2 jours.'), 'question_not_asked'],
    ['an answer the shop never gave', ask('vous livrez à Oran ?', 'Remboursement intégral garanti sans conditions.'), 'answer_not_said'],
    ['a pair without an answer', JSON.stringify({ pairs: [{ kind: 'qa', question: 'vous livrez à Oran ?' }] }), 'malformed'],
    ['not JSON', 'Sure! Here is what I found.', 'malformed'],
    ['JSON of another shape', JSON.stringify({ answer: 'yes' }), 'malformed'],
  ])('refuses %s', (_what, raw, reason) => {
    const out = validateModelPairs(raw, CHAT, CATALOG);
    expect(out.pairs).toEqual([]);
    expect(out.rejected.map((r) => r.reason)).toEqual([reason]);
  });
});
