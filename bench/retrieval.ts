import { makeRetriever } from '../electron/core/brain/retrieval';
import { type ProductInput, makeProductsRepo } from '../electron/core/catalog/products-repo';
import { openDatabase } from '../electron/core/database';

/**
 * Retrieval over 50,000 generated products (one shop; a second small shop shares the indexes):
 * customer-style messages in several languages, with stop-words, typos and cross-language names.
 * Deterministic (seeded). Returns latency percentiles of searchProducts; prints nothing.
 */
const PRODUCTS = 50_000;
const QUERIES = 400;

const NOUNS = [
  ['Robe', 'فستان'],
  ['Sac', 'حقيبة'],
  ['Baskets', 'سبادري'],
  ['Montre', 'ساعة'],
  ['Parfum', 'عطر'],
  ['Crème', 'كريم'],
  ['Foulard', 'وشاح'],
  ['Chemise', 'قميص'],
  ['Pantalon', 'سروال'],
  ['Veste', 'جاكيت'],
  ['Sandales', 'صندل'],
  ['Caftan', 'قفطان'],
  ['Chargeur', 'شاحن'],
  ['Écouteurs', 'سماعات'],
  ['Coque téléphone', 'غلاف هاتف'],
  ['Tasse', 'فنجان'],
  ['Collier', 'قلادة'],
  ['Lunettes', 'نظارات'],
  ['Ensemble bébé', 'طقم رضيع'],
  ['Jupe', 'تنورة'],
  ['Huile', 'زيت'],
  ['Savon', 'صابون'],
  ['Coffret', 'علبة'],
  ['Formation', 'دورة'],
  ['E-book', 'كتاب'],
] as const;
const ADJ = [
  'élégant',
  'classique',
  'moderne',
  'traditionnel',
  'léger',
  'premium',
  'sport',
  'luxe',
  'vintage',
  'brodé',
  'imprimé',
  'slim',
  'oversize',
  'bio',
  'rapide',
  'sans fil',
];
const COLOURS = [
  ['rouge', 'أحمر'],
  ['noir', 'أسود'],
  ['blanc', 'أبيض'],
  ['bleu', 'أزرق'],
  ['vert', 'أخضر'],
  ['rose', 'وردي'],
  ['doré', 'ذهبي'],
  ['beige', 'بيج'],
] as const;
const MATERIALS = ['cuir', 'coton', 'soie', 'satin', 'acier', 'lin', 'laine', 'velours', 'plastique', 'céramique'];
const BRANDS = ['Amina', 'Zahra', 'Sahara', 'Atlas', 'Kenza', 'Yasmine', 'Nour', 'Lina', 'Tassili', 'Djurdjura', 'Hoggar', 'Casbah'];

const QUERY_TEMPLATES = [
  (n: string, c: string) => `ch7al ${n} ${c}?`,
  (n: string, c: string) => `Bonjour, vous avez ${n.toLowerCase()} ${c} en stock ?`,
  (_n: string, _c: string, ar: string, car: string) => `السلام عليكم بشحال ${ar} ${car}`,
  (_n: string, c: string) => `how much is the ${c === 'rouge' ? 'red' : 'black'} dress`,
  (n: string) => `wach kayen ${n.toLowerCase()} taille M`,
  (n: string, c: string) => `quanto custa ${n.toLowerCase()} ${c}`,
  (n: string) => `${n.toLowerCase().slice(0, -1)}e ${BRANDS[3]}`,
  () => 'combien svp',
  (n: string, c: string) => `je cherche un ${n.toLowerCase()} ${c} en ${MATERIALS[0]} pas cher`,
  () => 'perfume gift box',
];

export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generate(count: number, rand: () => number): ProductInput[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const out: ProductInput[] = [];
  for (let i = 0; i < count; i++) {
    const [noun, nounAr] = pick(NOUNS);
    const [colour, colourAr] = pick(COLOURS);
    const material = pick(MATERIALS);
    const brand = pick(BRANDS);
    out.push({
      sku: `G-${String(i).padStart(6, '0')}`,
      name: `${noun} ${pick(ADJ)} ${colour} ${material} ${brand}`,
      altNames: [`${nounAr} ${colourAr}`],
      aliases: rand() < 0.3 ? [`${noun.toLowerCase()} ${brand.toLowerCase()}`] : [],
      category: noun.toLowerCase(),
      price: 500 + Math.floor(rand() * 20_000),
      compareAtPrice: null,
      currency: 'DZD',
      stock: rand() < 0.2 ? null : Math.floor(rand() * 50),
      variants: [{ name: 'M', sku: null, price: null, stock: null }],
      images: [],
      description: `${noun} ${material} ${colour}, ${pick(ADJ)} et ${pick(ADJ)}, collection ${brand} ${2020 + (i % 7)}.`,
      upsellSkus: [],
    });
  }
  return out;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function run(): Promise<{ p50_ms: number; p95_ms: number }> {
  const store = await openDatabase({ file: ':memory:' });
  try {
    store.sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('bench', 'DZD', 'now'), ('other', 'DZD', 'now')`).run();
    const rand = seeded(42);
    const repo = makeProductsRepo(store.sqlite);
    repo.upsertMany(1, generate(PRODUCTS, rand), 'now');
    repo.upsertMany(2, generate(200, rand), 'now');
    const retriever = makeRetriever({ sqlite: store.sqlite });

    const queries: string[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const [noun, nounAr] = NOUNS[Math.floor(rand() * NOUNS.length)] as readonly [string, string];
      const [colour, colourAr] = COLOURS[Math.floor(rand() * COLOURS.length)] as readonly [string, string];
      const template = QUERY_TEMPLATES[i % QUERY_TEMPLATES.length] as (n: string, c: string, ar: string, car: string) => string;
      queries.push(template(noun, colour, nounAr, colourAr));
    }
    // A running core is warm: statements prepared, pages cached, search documents parsed.
    for (const q of queries) retriever.searchProductsSync(1, q, 5);

    const times: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await retriever.searchProducts(1, q, 5);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return { p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)) };
  } finally {
    await store.close();
  }
}
