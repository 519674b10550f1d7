import type { Product } from '../../../../shared/domain/catalog';
import { editDistance } from '../retrieval/similarity';
import {
  COLOUR_CONCEPTS,
  type Measure,
  compareMeasures,
  conceptOf,
  conceptsOfWord,
  defaultLexicon,
  measuresOf,
  normaliseToken,
  tokenise,
  unitOf,
  romanceStem,
  withoutLatinArticle,
} from '../../text';
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

/** "40W", "500ml" → "40", "w": a number glued to its unit is two words (only a unit splits off: "9adeh" stays one Arabizi word). */
const unglued = (words: readonly string[]): string[] =>
  words.flatMap((w) => {
    const m = /^(\d+(?:[.,]\d+)?)(\p{L}{1,4})$/u.exec(w);
    return m?.[1] && m[2] && unitOf(m[2]) ? [m[1], m[2]] : [w];
  });

/** Numbers and units are read as measures (text/measures.ts), never as name words of their own. */
const isMeasureWord = (w: string): boolean => /^\d+(?:[.,]\d+)?$/.test(w) || unitOf(w) !== undefined;

interface Features {
  /** The seller's aliases as words with their stems, longest first (the order they are tried in). */
  aliasPhrases: Stemmed[][];
  nameWords: Set<string>;
  /** The name words with their stems, computed once (a turn compares each with every word said). */
  stemmedNames: Stemmed[];
  concepts: Set<string>;
  variantWords: Set<string>;
  /** Measures in the names ("20 W" of "Boom 20 W", "10-20 kg") and in the variants ("250 g"). */
  measures: Measure[];
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

/**
 * A pure reading of a catalog string kept for strings seen before: aliases, categories and variant names repeat across a
 * catalog ("S", "41", "sac noir"), so a product seen for the first time mostly reuses them. Bounded; values are shared (never mutated).
 */
function memoised<V>(read: (text: string) => V, kept = 8_192): (text: string) => V {
  const known = new Map<string, V>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = read(text);
      if (known.size >= kept) known.clear();
      known.set(text, value);
    }
    return value;
  };
}
const wordsOfShared = memoised(matchTokens);
const conceptsOfShared = memoised((t) => [...defaultLexicon.conceptsOf(tokenise(t))]);
const measuresOfShared = memoised((t) => measuresOf(t, { spacedLetters: true }));

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
      .filter((w) => !STOP.has(w) && w.length >= 2 && !isMeasureWord(w)),
  );
  const aliasPhrases = p.aliases
    .map(wordsOfShared)
    .filter((ws) => ws.length > 0)
    .map((ws) => ws.map(stemmed))
    .sort((a, b) => b.length - a.length);
  const variantWords = new Set(p.variants.flatMap((v) => wordsOfShared(v.name)));
  // Phrases count ("arbre à chat", "sac à dos"), as in the catalog's search documents.
  const concepts = new Set<string>();
  for (const t of names) for (const c of defaultLexicon.conceptsOf(tokenise(t))) concepts.add(c);
  for (const t of [...p.aliases, p.category]) for (const c of conceptsOfShared(t)) concepts.add(c);
  const measures = [
    ...names.flatMap((t) => measuresOf(t, { spacedLetters: true })),
    ...[...p.aliases, ...p.variants.map((v) => v.name)].flatMap(measuresOfShared),
  ];
  const stemmedNames = [...nameWords].map(stemmed);
  const f = { aliasPhrases, nameWords, stemmedNames, concepts, variantWords, measures };
  featureCache.set(p, f);
  if (featuresByWords.size >= FEATURES_KEPT) featuresByWords.clear();
  featuresByWords.set(key, f);
  return f;
}

/** A word and its Romance stem (empty under five letters, where stems are not compared). */
interface Stemmed {
  word: string;
  stem: string;
}
const stemmed = (word: string): Stemmed => ({ word, stem: word.length >= 5 ? romanceStem(word) : '' });
const NO_WORD: Stemmed = { word: '', stem: '' };

/** Same word, plural, or a typo of it ("parfun", "baskett"); stems are computed once per word. */
function nearStemmed({ word: q, stem: qs }: Stemmed, { word: w, stem: ws }: Stemmed): boolean {
  if (q === w) return true;
  if (q.length >= 4 && w.length >= 4 && (q.startsWith(w) || w.startsWith(q)) && Math.abs(q.length - w.length) <= 2) return true;
  if (q.length < 5 || w.length < 5) return false;
  // "caschi" is the plural of "casco", "rosse" agrees with "rossa".
  if (qs.length >= 4 && qs === ws) return true;
  return editDistance(q, w, q.length >= 8 ? 2 : 1) <= (q.length >= 8 ? 2 : 1);
}

/**
 * Whether the message's word at `i` is near a catalog word. A message is scored against dozens of
 * candidates that share most of their words: each pair is compared once per message.
 */
function nearAt(read: ReadQuery, i: number, w: Stemmed): boolean {
  const memo = read.near[i];
  let near = memo?.get(w.word);
  if (near === undefined) {
    near = nearStemmed(read.stemmedWords[i] ?? NO_WORD, w);
    memo?.set(w.word, near);
  }
  return near;
}

/** The word at `i`, or the same word without its Latin article, is near a name word (memoised like nearAt). */
function namesAt(read: ReadQuery, i: number, n: Stemmed): boolean {
  const memo = read.nearName[i];
  let near = memo?.get(n.word);
  if (near === undefined) {
    const bare = read.bareWords[i];
    near = nearAt(read, i, n) || (bare !== undefined && nearStemmed(bare, n));
    memo?.set(n.word, near);
  }
  return near;
}

/** Where the phrase starts in the message's words (typos tolerated), or -1. */
function phraseAt(read: ReadQuery, phrase: readonly Stemmed[]): number {
  for (let i = 0; i + phrase.length <= read.stemmedWords.length; i++) {
    if (phrase.every((w, j) => nearAt(read, i + j, w))) return i;
  }
  return -1;
}

export interface LexicalScore {
  score: number;
  matched: string[];
  /**
   * Which words of the message this product accounts for (offsets in the message's words, measures
   * as "#value"). A product whose cover is a strict part of another's is the less fitting of the two.
   */
  cover: Set<string>;
  /** A measure the customer gave (with its unit) that this product states otherwise: "40W" vs a 20 W one. */
  contradicted: boolean;
  /** How many of the customer's measures the product has ("100 مل", "15kg" within "10-20 kg"). */
  measuresAgreed: number;
}

/**
 * How strongly the customer's words point at this product: aliases (the seller's own words
 * for it) weigh most, then name words in any language, then shared concepts (so English or
 * Portuguese words find a French catalog), colours a little, variants least. Measures are
 * compared as measures: one the product has counts like a name word, one it contradicts costs.
 */
export function scoreProduct(query: string | readonly string[], p: Product): LexicalScore {
  const read = readQuery(query);
  const { all, said, windows } = read;
  const f = features(p);
  let score = 0;
  const matched: string[] = [];
  const cover = new Set<string>();
  // Each word of the message counts once: two aliases that are spellings of one word ("chargeur",
  // "charjour") must not make one product look twice as named as its sibling.
  const covered = new Set<number>();
  for (const phrase of f.aliasPhrases) {
    if (phrase.length === 1 && STOP.has(phrase[0]?.word ?? '')) continue;
    const at = phraseAt(read, phrase);
    if (at < 0 || phrase.some((_, j) => covered.has(at + j))) continue;
    phrase.forEach((_, j) => covered.add(at + j));
    score += phrase.length > 1 ? 2 * phrase.length : 2.5;
    matched.push(phrase.map((w) => w.word).join(' '));
  }
  for (const i of covered) if (!isMeasureWord(all[i] ?? '')) cover.add(String(i));
  const queryConcepts = windows;
  all.forEach((w, i) => {
    if (STOP.has(w) || isMeasureWord(w) || (w.length < 2 && !/\d/.test(w))) return;
    if (f.stemmedNames.some((n) => namesAt(read, i, n))) {
      score += 1.5;
      matched.push(w);
      cover.add(String(i));
    } else if (f.variantWords.has(w)) {
      score += 0.5;
      cover.add(String(i));
    }
  });
  for (const [c, at] of queryConcepts) {
    if (f.concepts.has(c)) {
      score += COLOUR_CONCEPTS.has(c) ? 1.2 : 2;
      matched.push(`~${c}`);
      for (const i of at) cover.add(String(i));
    } else if (COLOUR_CONCEPTS.has(c) && [...f.variantWords].some((v) => conceptOf(v) === c)) {
      score += 0.6;
      for (const i of at) cover.add(String(i));
    }
  }
  // "l'enceinte 40W" is not the 20 W one; "15kg" is within "10-20 kg".
  let agreed = 0;
  for (const m of said) {
    if (compareMeasures([m], f.measures).agreed) {
      agreed += 1;
      score += 1.5;
      cover.add(`#${m.value}`);
      matched.push(`#${m.value}`);
    }
  }
  const { contradicted } = compareMeasures(said, f.measures);
  if (contradicted) score -= 2;
  return { score, matched, cover, contradicted, measuresAgreed: agreed };
}

/**
 * Whether the product has a measure the customer gave ("36 mois" of "parmesan 36 mois", "41" among sizes 38-42): what a
 * sibling of the top candidate is read for. A sibling without one is no better answer than the candidates retrieval gave.
 */
export function hasSaidMeasure(query: string, p: Product): boolean {
  const { said } = readQuery(query);
  if (said.length === 0) return false;
  const { measures } = features(p);
  return said.some((m) => compareMeasures([m], measures).agreed > 0);
}

interface ReadQuery {
  all: string[];
  said: Measure[];
  windows: Map<string, number[]>;
  /** Each word with its stem, and without its Latin article ("l'", "el") where it has one. */
  stemmedWords: Stemmed[];
  bareWords: (Stemmed | undefined)[];
  /** Per word of the message: catalog words already compared with it (nearAt), and name words (namesAt). */
  near: Map<string, boolean>[];
  nearName: Map<string, boolean>[];
}
// One message is scored against many products in a row: it is read once.
let lastQuery: { key: string; read: ReadQuery } | undefined;
function readQuery(query: string | readonly string[]): ReadQuery {
  const key = typeof query === 'string' ? query : `\u0000${query.join('\u0000')}`;
  if (lastQuery?.key === key) return lastQuery.read;
  const text = typeof query === 'string' ? query : query.join(' ');
  const all = unglued(typeof query === 'string' ? matchTokens(query) : query);
  const bareWords = all.map((w) => {
    const bare = withoutLatinArticle(w);
    return bare === undefined ? undefined : stemmed(bare);
  });
  const read = {
    all,
    said: measuresOf(text),
    windows: conceptWindows(all),
    stemmedWords: all.map(stemmed),
    bareWords,
    near: all.map(() => new Map<string, boolean>()),
    nearName: all.map(() => new Map<string, boolean>()),
  };
  lastQuery = { key, read };
  return read;
}

/** The concepts a message's words express, one to three words at a time, each with the offsets that express it. */
function conceptWindows(words: readonly string[]): Map<string, number[]> {
  const canonical = words.map((w) => (isMeasureWord(w) ? '' : normaliseToken(w)));
  const out = new Map<string, number[]>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const window = canonical.slice(i, i + n);
      if (window.some((w) => !w)) break;
      // "sac à dos" keeps its "à", but a window never starts or ends on a word of no meaning.
      if (STOP.has(words[i] ?? '') || STOP.has(words[i + n - 1] ?? '')) continue;
      for (const c of (n === 1 ? conceptsOfWord(words[i] ?? '') : defaultLexicon.phrase(window)) ?? []) {
        const at = out.get(c) ?? [];
        for (let j = i; j < i + n; j++) if (!at.includes(j)) at.push(j);
        out.set(c, at);
      }
    }
  }
  return out;
}

/** Measures the customer gives (with a unit, or a bare number of two digits or more such as "iphone 15"). */
export function measuresIn(text: string): Measure[] {
  return measuresOf(text).filter((m) => m.unit !== null || m.value >= 10);
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
