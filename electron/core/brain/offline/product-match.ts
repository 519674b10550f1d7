import type { Product } from '../../../../shared/domain/catalog';
import { COLOUR_CONCEPTS, conceptOf, conceptsIn } from '../nlu/concepts';
import { matchTokens } from '../nlu/normalise';

/** What retrieval returns (electron/core/brain/retrieval's searchProducts has this shape). */
export interface ProductHit {
  product: Product;
  score: number;
  matched: string[];
}

/**
 * The catalog as the offline brain needs it. The retrieval engineer's `makeRetriever` provides
 * `search`; the catalog repository the rest. Tests use `makeMemoryProductFinder`.
 */
export interface ProductFinder {
  search(shopId: number, text: string, k: number): Promise<ProductHit[]>;
  bySku(shopId: number, sku: string): Promise<Product | null>;
  /** Products of one category (alternatives, cross-sell), any order. */
  inCategory(shopId: number, category: string, limit: number): Promise<Product[]>;
}

/** Words that carry no product meaning in any of the languages. */
const STOP = new Set(
  `de la le les des du un une au aux en et ou a l d the an of for to in on is it this that my me o os as um uma do da dos das em no na com il lo gli di del della e che per
   had hadi hada dak dik ta3 nta3 f fi w ya men mn 3la ala wach kayen ch7al prix price preco prezzo combien how much quanto custa costa
   هل كم في من على و يا هذا هذه هاد هادي تاع نتاع بشحال شحال واش كاين سعر ثمن
   taille size tamanho taglia`.split(/\s+/),
);

/** "40W", "500ml", "2m" → "40 w", "500 ml", "2 m": the number that tells two products apart is a word of its own. */
const unglued = (words: readonly string[]): string[] =>
  words.flatMap((w) => {
    const m = /^(\d+(?:[.,]\d+)?)(\p{L}{1,4})$/u.exec(w);
    return m?.[1] && m[2] ? [m[1], m[2]] : [w];
  });

interface Features {
  aliasPhrases: string[][];
  nameWords: Set<string>;
  concepts: Set<string>;
  variantWords: Set<string>;
  /** Numbers in the names ("20" of "Boom 20 W") and in the variants ("1" of "1 m"). */
  nameNumbers: Set<string>;
  variantNumbers: Set<string>;
}

const featureCache = new WeakMap<Product, Features>();
/**
 * Every turn reads fresh Product objects from the store, so features are also kept by the words
 * they are made of: an edited product has other words, hence no stale entry.
 */
const featuresByWords = new Map<string, Features>();
const FEATURES_KEPT = 20_000;
const wordsKey = (p: Product): string =>
  [p.name, ...p.altNames, '\u0002', ...p.aliases, '\u0002', p.category, '\u0002', ...p.variants.map((v) => v.name)].join('\u0001');

function features(p: Product): Features {
  const hit = featureCache.get(p);
  if (hit) return hit;
  const key = wordsKey(p);
  const known = featuresByWords.get(key);
  if (known) {
    featureCache.set(p, known);
    return known;
  }
  const names = [p.name, ...p.altNames];
  const nameWords = new Set(
    names
      .flatMap(matchTokens)
      .flatMap((w) => unglued([w]))
      .filter((w) => !STOP.has(w) && w.length >= 2),
  );
  const aliasPhrases = p.aliases.map(matchTokens).filter((ws) => ws.length > 0);
  const variantWords = new Set(p.variants.flatMap((v) => matchTokens(v.name)));
  const concepts = conceptsIn([...nameWords, ...aliasPhrases.flat(), ...matchTokens(p.category)]);
  const numbers = (texts: string[]) =>
    new Set(
      texts
        .flatMap(matchTokens)
        .flatMap((w) => unglued([w]))
        .filter((w) => /^\d+(?:[.,]\d+)?$/.test(w)),
    );
  const f = {
    aliasPhrases,
    nameWords,
    concepts,
    variantWords,
    nameNumbers: numbers(names),
    variantNumbers: numbers(p.variants.map((v) => v.name)),
  };
  featureCache.set(p, f);
  if (featuresByWords.size >= FEATURES_KEPT) featuresByWords.clear();
  featuresByWords.set(key, f);
  return f;
}

/** Levenshtein distance, stopping early beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Same word, plural, or a typo of it ("parfun", "baskett"). */
function near(q: string, w: string): boolean {
  if (q === w) return true;
  if (q.length >= 4 && w.length >= 4 && (q.startsWith(w) || w.startsWith(q)) && Math.abs(q.length - w.length) <= 2) return true;
  if (q.length < 5 || w.length < 5) return false;
  return editDistance(q, w, q.length >= 8 ? 2 : 1) <= (q.length >= 8 ? 2 : 1);
}

/** Where the phrase starts in the words (typos tolerated), or -1. */
function phraseAt(words: readonly string[], phrase: readonly string[]): number {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => near(words[i + j] ?? '', w))) return i;
  }
  return -1;
}

export interface LexicalScore {
  score: number;
  matched: string[];
}

/**
 * How strongly the customer's words point at this product: aliases (the seller's own words
 * for it) weigh most, then name words in any language, then shared concepts (so English or
 * Portuguese words find a French catalog), colours a little, variants least.
 */
export function scoreProduct(query: string | readonly string[], p: Product): LexicalScore {
  const all = unglued(typeof query === 'string' ? matchTokens(query) : query);
  const words = all.filter((w) => w.length >= 2 || /\d/.test(w));
  const f = features(p);
  let score = 0;
  const matched: string[] = [];
  // Each word of the message counts once: two aliases that are spellings of one word ("chargeur",
  // "charjour") must not make one product look twice as named as its sibling.
  const covered = new Set<number>();
  for (const phrase of [...f.aliasPhrases].sort((a, b) => b.length - a.length)) {
    if (phrase.length === 1 && STOP.has(phrase[0] ?? '')) continue;
    const at = phraseAt(all, phrase);
    if (at < 0 || phrase.some((_, j) => covered.has(at + j))) continue;
    phrase.forEach((_, j) => covered.add(at + j));
    score += phrase.length > 1 ? 2 * phrase.length : 2.5;
    matched.push(phrase.join(' '));
  }
  const queryConcepts = new Set<string>();
  for (const w of words) {
    if (STOP.has(w)) continue;
    const c = conceptOf(w);
    if (c) queryConcepts.add(c);
    if ([...f.nameWords].some((n) => near(w, n))) {
      score += 1.5;
      matched.push(w);
    } else if (f.variantWords.has(w)) {
      score += 0.5;
    }
  }
  for (const c of queryConcepts) {
    if (f.concepts.has(c)) {
      score += COLOUR_CONCEPTS.has(c) ? 1.2 : 2;
      matched.push(`~${c}`);
    } else if (COLOUR_CONCEPTS.has(c) && [...f.variantWords].some((v) => conceptOf(v) === c)) {
      score += 0.6;
    }
  }
  // "l'enceinte 40W" is not the 20 W one: a measure the customer gives that the name contradicts.
  const measures = measuresIn(all);
  if (measures.length && f.nameNumbers.size && measures.every((m) => !f.nameNumbers.has(m) && !f.variantNumbers.has(m))) score -= 2;
  return { score, matched };
}

/** Numbers the customer gives as a measure: with a unit ("40 w", "500 ml") or of two digits or more ("iphone 15"). */
export function measuresIn(words: readonly string[]): string[] {
  return words.filter((w, i) => /^\d+(?:[.,]\d+)?$/.test(w) && (w.length >= 2 || /^\p{L}{1,4}$/u.test(words[i + 1] ?? '')));
}

/** An in-memory finder over a product list (tests, the bench, and a fallback before retrieval lands). */
export function makeMemoryProductFinder(products: readonly Product[]): ProductFinder {
  return {
    async search(shopId, text, k) {
      return products
        .filter((p) => p.shopId === shopId)
        .map((product) => ({ product, ...scoreProduct(text, product) }))
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
    async bySku(shopId, sku) {
      return products.find((p) => p.shopId === shopId && p.sku.toLowerCase() === sku.toLowerCase()) ?? null;
    },
    async inCategory(shopId, category, limit) {
      return products.filter((p) => p.shopId === shopId && p.category === category).slice(0, limit);
    },
  };
}
