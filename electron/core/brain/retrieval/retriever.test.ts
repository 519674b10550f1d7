import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKnowledgeRepo } from '../../knowledge/repo';
import type { Store } from '../../database';
import { makeRetriever, type Retriever } from './retriever';
import { openFixtureStore } from '../../test-utils/retrieval-catalog';

let store: Store;
let retriever: Retriever;
beforeAll(async () => {
  store = await openFixtureStore();
  retriever = makeRetriever({ sqlite: store.sqlite });
});
afterAll(async () => store.close());

const top = (shopId: number, text: string) => retriever.searchProductsSync(shopId, text, 3)[0]?.product.sku;

// Messages written for this test, beyond the dev set: each language, typos, Arabizi, mixed scripts,
// the product named in another language than the catalog's.
const CASES: [shopId: number, text: string, sku: string][] = [
  // Darija in Arabic script
  [1, 'السلام عليكم بشحال الفستان الأحمر؟', 'DZ-DR-001'],
  [1, 'عندكم شنطة ظهر؟', 'DZ-BG-002'],
  [1, 'بغيت عطر العود', 'DZ-CS-001'],
  [1, 'فستان صيفي كاين؟', 'DZ-DR-003'],
  [1, 'شحال السبادري', 'DZ-SH-001'],
  [1, 'نحب الساعة تاع الرجال', 'DZ-AC-001'],
  [1, 'الشنطة الكحلة بقداش', 'DZ-BG-001'],
  // Darija in Latin letters with digits
  [1, 'slm ch7al had sac noir?', 'DZ-BG-001'],
  [1, 'wach kayen robe fleurie taille M', 'DZ-DR-003'],
  [1, '3andek sbadri 42?', 'DZ-SH-001'],
  [1, 'ch7al el mongela', 'DZ-AC-001'],
  [1, 'bghit 3tr oud', 'DZ-CS-001'],
  [1, 'kayen jeba kabyle?', 'DZ-DR-002'],
  [1, 'nheb fostan l3ors a7mar', 'DZ-DR-001'],
  [1, 'chhal krem argan', 'DZ-CS-002'],
  // French (with and without accents, typos)
  [1, 'Bonjour, vous avez les baskets en 41 ?', 'DZ-SH-001'],
  [1, 'Je veux commander la montre, je suis à Sétif', 'DZ-AC-001'],
  [1, 'le sac a dos pour etudiant svp', 'DZ-BG-002'],
  [1, 'combien la creme hydratante', 'DZ-CS-002'],
  [1, 'des sandales dorées pour femme', 'DZ-SH-002'],
  [1, 'un foulard en soie bordeaux', 'DZ-AC-002'],
  [1, 'la monttre homme', 'DZ-AC-001'],
  [1, 'ensemble pour bébé 3-6 mois', 'DZ-KD-001'],
  // English, Portuguese, Italian, Spanish against French/Arabic names
  [1, 'How much is the oud perfume gift box?', 'DZ-CS-001'],
  [1, 'how much for the red dress', 'DZ-DR-001'],
  [1, 'do you have white sneakers size 40', 'DZ-SH-001'],
  [1, 'i want the black leather handbag', 'DZ-BG-001'],
  [1, 'silk scarf price', 'DZ-AC-002'],
  [1, 'quanto custa a bolsa preta?', 'DZ-BG-001'],
  [1, 'tem tênis branco?', 'DZ-SH-001'],
  [1, 'quanto costa l’orologio da uomo?', 'DZ-AC-001'],
  [1, 'vorrei il profumo', 'DZ-CS-001'],
  [1, 'cuanto cuesta el vestido rojo', 'DZ-DR-001'],
  // Brazilian digital shop
  [2, 'Quanto custa o curso de Excel?', 'BR-CR-001'],
  [2, 'quero o ebook de receitas low carb', 'BR-EB-001'],
  [2, 'como funciona a mentoria de instagram', 'BR-CR-002'],
  [2, 'planner financeiro ainda tem?', 'BR-EB-002'],
  [2, 'how much is the excel course', 'BR-CR-001'],
  // Shopify / WooCommerce shop
  [3, 'caftan velours bordeaux', 'caftan-velours'],
  [3, 'argan oil 100ml', 'ARG-100'],
  [3, 'babouches taille 40', 'babouches-cuir'],
  [3, 't-shirt algerie taille L', 'TSH-DZ'],
  [3, 'chargeur usb-c samsung', 'CHARGE-USB-C'],
  [3, 'phone charger', 'CHARGE-USB-C'],
];

describe('searchProducts: the product a customer names, in any language', () => {
  it.each(CASES)('shop %i: %s → %s', (shopId, text, sku) => {
    expect(top(shopId, text)).toBe(sku);
  });

  it('finds at least 95% of the cases (the whole table, for the report)', () => {
    const ok = CASES.filter(([shopId, text, sku]) => top(shopId, text) === sku).length;
    expect(ok / CASES.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('searchProducts: what must not match', () => {
  it.each([
    'غالي بزاف خويا',
    "c'est trop cher, dernier prix ?",
    'vou pensar, depois te falo',
    'lazem nchof m3a rajli',
    'merci bcp 3lik',
    'Quel est le délai de livraison à Tamanrasset ?',
    'wach kayen? ch7al? 3andek?',
    'combien svp',
    'how much is it',
    'quanto custa?',
    'bghit nheb ncommandi',
    'do you have an iphone 15',
    'vous vendez des lunettes ?',
    'livraison l wahran',
  ])('no product for "%s"', (text) => {
    expect(retriever.searchProductsSync(1, text, 3)).toEqual([]);
  });

  it('never returns another shop’s products', () => {
    expect(retriever.searchProductsSync(2, 'robe rouge', 3)).toEqual([]);
    expect(retriever.searchProductsSync(1, 'curso de excel', 3)).toEqual([]);
  });
});

describe('searchProducts: scores and explanations', () => {
  it('scores in [0, 1], best first, with what matched', () => {
    const hits = retriever.searchProductsSync(1, 'robe rouge', 3);
    expect(hits[0]?.product.sku).toBe('DZ-DR-001');
    expect(hits[0]?.score).toBe(1);
    expect(hits[0]?.matched).toContain('alias:robe rouge');
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
  it('explains a cross-language find by its concepts', () => {
    const [hit] = retriever.searchProductsSync(1, 'perfume gift box', 1);
    expect(hit?.matched).toEqual(expect.arrayContaining(['concept:perfume', 'concept:gift_box']));
  });
  it('returns full products (the shared Product shape)', async () => {
    const [hit] = await retriever.searchProducts(1, 'sac noir', 1);
    expect(hit?.product).toMatchObject({ sku: 'DZ-BG-001', price: 4500, currency: 'DZD', stock: 7, altNames: ['حقيبة يد جلد سوداء'] });
  });
  it('returns each winner as the catalog reads it (read together, variants included)', async () => {
    const { makeProductsRepo } = await import('../../catalog/products-repo');
    const repo = makeProductsRepo(store.sqlite);
    // A fresh retriever: every winner is read by the batch, none from an earlier search.
    const fresh = makeRetriever({ sqlite: store.sqlite });
    let compared = 0;
    for (const [shopId, text] of [
      [1, 'robe'],
      [1, 'baskets 41'],
      [2, 'curso'],
      [3, 'shirt'],
    ] as const) {
      const hits = fresh.searchProductsSync(shopId, text, 8);
      for (const h of hits) expect(h.product).toEqual(repo.getBySku(shopId, h.product.sku));
      compared += hits.length;
    }
    expect(compared).toBeGreaterThan(4);
  });
  it('follows catalog edits and deletions', async () => {
    const { makeProductsRepo } = await import('../../catalog/products-repo');
    const repo = makeProductsRepo(store.sqlite);
    const watch = repo.getBySku(1, 'DZ-AC-001');
    expect(watch).toBeDefined();
    repo.update(1, watch?.id ?? 0, { aliases: ['tocante'] }, 'later');
    expect(top(1, 'tocante')).toBe('DZ-AC-001');
    expect(top(1, 'monter')).toBeUndefined(); // the replaced alias is gone from the index
    repo.delete(1, watch?.id ?? 0);
    expect(top(1, 'montre homme acier')).toBeUndefined();
  });
});

describe('searchProducts with embeddings', () => {
  it('blends an injected embeddings function and falls back to lexical when it fails', async () => {
    // A toy embedding with one "gift-ness" axis: the words share no letters, only meaning.
    const giftWords = ['birthday', 'anniversaire', 'cadeau'];
    const embed = async (texts: string[]) => texts.map((t) => [giftWords.some((w) => t.toLowerCase().includes(w)) ? 1 : 0, 0.01]);
    const withEmbeddings = makeRetriever({ sqlite: store.sqlite, embeddings: { embed, minSimilarity: 0.5 } });
    expect(withEmbeddings.searchProductsSync(1, 'something for my mother birthday', 3)).toEqual([]);
    const hits = await withEmbeddings.searchProducts(1, 'something for my mother birthday', 3);
    expect(hits[0]?.product.sku).toBe('DZ-CS-001');
    expect(hits[0]?.matched).toContain('embedding');
    const failing = makeRetriever({ sqlite: store.sqlite, embeddings: { embed: async () => Promise.reject(new Error('down')) } });
    expect((await failing.searchProducts(1, 'sac noir', 1))[0]?.product.sku).toBe('DZ-BG-001');
  });
});

describe('searchKnowledge', () => {
  it('finds the FAQ entry for a question in another wording, only among active entries', async () => {
    const repo = makeKnowledgeRepo(store.sqlite);
    const now = 'now';
    const delivery = repo.create(
      1,
      {
        question: 'Quels sont les délais de livraison ?',
        answer: '48 h à Alger, 3 à 5 jours ailleurs.',
        keywords: ['livraison', 'délai', 'wilaya', 'tawsil', 'التوصيل'],
        source: 'seller',
        status: 'active',
      },
      now,
    );
    const payment = repo.create(
      1,
      {
        question: 'Comment payer ?',
        answer: 'Paiement à la livraison en espèces.',
        keywords: ['paiement', 'cash', 'CCP', 'الدفع'],
        source: 'seller',
        status: 'active',
      },
      now,
    );
    repo.create(
      1,
      {
        question: 'Vous faites des échanges ?',
        answer: 'Échange sous 7 jours.',
        keywords: ['échange', 'retour'],
        source: 'learned',
        status: 'pending',
      },
      now,
    );
    const r = makeRetriever({ sqlite: store.sqlite });
    expect(r.searchKnowledgeSync(1, 'Quel est le délai de livraison à Tamanrasset ?', 1)[0]?.entry.id).toBe(delivery.id);
    expect(r.searchKnowledgeSync(1, 'ch7al ywasal tawsil l wahran?', 1)[0]?.entry.id).toBe(delivery.id);
    expect(r.searchKnowledgeSync(1, 'كيفاش الدفع؟', 1)[0]?.entry.id).toBe(payment.id);
    expect((await r.searchKnowledge(1, 'je peux payer cash ?', 1))[0]?.entry.id).toBe(payment.id);
    expect(r.searchKnowledgeSync(1, 'échange possible ?', 3)).toEqual([]);
    expect(r.searchKnowledgeSync(2, 'délai de livraison', 3)).toEqual([]);
  });
});
