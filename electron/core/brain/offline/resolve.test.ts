import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/catalog';
import { makeMemoryProductFinder } from './product-match';
import { isTie, resolveProducts } from './resolve';

const product = (sku: string, name: string, over: Partial<Product> = {}): Product => ({
  id: sku.length,
  shopId: 1,
  sku,
  name,
  altNames: [],
  aliases: [],
  category: 'x',
  price: 10,
  compareAtPrice: null,
  currency: 'EUR',
  stock: 5,
  variants: [],
  images: [],
  description: '',
  upsellSkus: [],
  ...over,
});

const skus = async (products: Product[], text: string) => {
  const found = await resolveProducts(makeMemoryProductFinder(products), 1, text);
  return { skus: found.map((r) => r.product.sku), tie: isTie(found) };
};

/** Distinguishing words decide the product (issue 9); equal fits are a tie the bot asks about. */
describe('resolveProducts: distinguishing words', () => {
  const speakers = [
    product('SP20', 'Enceinte Bluetooth 20 W', { aliases: ['enceinte', 'baffle'] }),
    product('SP40', 'Enceinte Bluetooth 40 W', { aliases: ['grande enceinte', 'baffle 40'] }),
  ];
  const oils = [
    product('AR50', "Huile d'argan 50 ml", { altNames: ['زيت أركان 50 مل'], aliases: ['zit argan', 'زيت أركان'] }),
    product('AR100', "Huile d'argan 100 ml", { altNames: ['زيت أركان 100 مل'] }),
  ];
  const bags = [
    product('B1', 'Sac cuir', { variants: [{ name: 'Noir', sku: null, price: null, stock: null }] }),
    product('B2', 'Sac toile'),
  ];
  it.each([
    [speakers, 'el enceinte 40W b 150 dinar, s7i7?', ['SP40'], false],
    [speakers, '9adeh el baffle el kbir', ['SP40'], false],
    [oils, 'هل يتوفر زيت الأركان 100 مل؟', ['AR100'], false],
    [oils, 'wach 3ndkom zit argan 50ml', ['AR50'], false],
    [bags, 'un sac noir svp', ['B1'], false],
  ] as const)('%#: «%s»', async (products, text, want, tie) => {
    expect(await skus([...products], text)).toEqual({ skus: want, tie });
  });

  it('keeps equal fits together so the bot asks which one', async () => {
    expect(await skus(oils, "l'huile d'argan ?")).toEqual({ skus: ['AR50', 'AR100'], tie: true });
    expect((await skus(bags, 'vous avez des sacs ?')).skus).toEqual(['B1', 'B2']);
  });
});

/** A product reached only through a shared concept, with the question's other words unexplained, is not named. */
describe('a concept alone does not name a product the question is not about', () => {
  const catalog = [
    product('GIFT', 'Coffret parfum oud', { category: 'cosmétiques' }),
    product('DRESS', 'Robe de soirée rouge', { category: 'robes' }),
  ];
  it.each([
    ['Vous faites un emballage cadeau avec une carte ?', []],
    ['vous faites l’emballage cadeau ?', []],
    // The same concept with nothing else said, or with the product's own words, still names it.
    ['un cadeau ?', ['GIFT']],
    ['le coffret cadeau, combien ?', ['GIFT']],
    ['how much is the perfume for my wife', ['GIFT']],
    ['do you have a red dress for a wedding', ['DRESS']],
  ])('%s', async (text, expected) => {
    expect((await skus(catalog, text)).skus).toEqual(expected);
  });
});

/** A measure the customer gives reaches the top candidate's siblings that have it, not the rest of its category. */
describe('resolveProducts: siblings by measure', () => {
  const p24 = product('P24', 'Parmigiano reggiano 24 mesi', { category: 'formaggi' });
  const p36 = product('P36', 'Parmigiano reggiano 36 mesi', { category: 'formaggi' });
  const grated = product('PGR', 'Parmigiano reggiano grattugiato', { category: 'formaggi' });
  // Retrieval proposes only the 24-month cheese; the category holds the others.
  const finder = {
    ...makeMemoryProductFinder([p24, p36, grated]),
    search: async () => [{ product: p24, score: 0.9, matched: [] }],
  };
  const read = async (text: string) => (await resolveProducts(finder, 1, text)).map((r) => r.product.sku);
  it('finds the sibling with the measure said', async () => {
    expect(await read('parmigiano 36 mesi')).toEqual(['P36']);
  });
  it('adds no sibling without it: no cheese of that age is no cheese, not the grated one', async () => {
    expect(await read('parmigiano 48 mesi')).toEqual([]);
  });
});
