import type { Product } from '../../../../shared/domain/catalog';
import type { KnowledgeEntry } from '../../../../shared/domain/knowledge';
import { type KnowledgeSearchDoc, type ProductSearchDoc, makeProductReader } from '../../catalog';
import { rowToEntry } from '../../knowledge';
import { type Lexicon, isStopWord } from '../../text';
import { blendEmbeddings, type EmbeddingsConfig, makeEmbeddingCache } from './embeddings';
import { catalogVersion, readThrough, versionedCache } from './catalog-version-store';
import { makeCandidateFinder } from './fts-repo';
import { type ParsedQuery, parseQuery } from './query';
import { retrievalStatements, searchDocsStatement } from './retrieval-repo';
import { QueryMatcher, type RowFeatures, type RowScore, scoreRow } from './rerank';
import { FUZZY } from './similarity';
import type { ReadableSqlite, WritableSqlite } from '../../store';

export interface ProductHit {
  product: Product;
  /** In [0, 1]; 1 = everything the customer named matched this product's aliases or names exactly. */
  score: number;
  /** What matched: "alias:sac noir", "name:robe", "concept:perfume", "embedding". */
  matched: string[];
}

export interface KnowledgeHit {
  entry: KnowledgeEntry;
  score: number;
  matched: string[];
}

export interface RetrieverConfig {
  /**
   * The store's writer connection (store.sqlite): retrieval only reads, but the catalog version that
   * keeps its caches fresh watches this connection's own writes (catalog-version-store.ts).
   */
  sqlite: WritableSqlite;
  /** Phrases and synonyms a query is read with; default the shipped lexicon (text/lexicon.ts). */
  lexicon?: Lexicon;
  /** Optional: an OpenAI-compatible embeddings function; its cosine similarity is blended in. */
  embeddings?: EmbeddingsConfig;
  /** Hits below this score are noise, not products (default 0.12). */
  minScore?: number;
}

export interface Retriever {
  searchProducts(shopId: number, text: string, k?: number): Promise<ProductHit[]>;
  /** Lexical only (no embeddings), synchronous: for hot paths and benchmarks. */
  searchProductsSync(shopId: number, text: string, k?: number): ProductHit[];
  /**
   * The products a text of the bot's own names (a reply the guardrails check): its words as
   * written, no typo pass. Finding fewer products only backs fewer figures: it fails closed.
   */
  searchProductsNamed(shopId: number, text: string, k?: number): Promise<ProductHit[]>;
  searchKnowledge(shopId: number, text: string, k?: number): Promise<KnowledgeHit[]>;
  searchKnowledgeSync(shopId: number, text: string, k?: number): KnowledgeHit[];
}

const CANDIDATES = 60;

function productFeatures(doc: ProductSearchDoc, sku: string): RowFeatures {
  const [primary = [], ...alt] = doc.names;
  return {
    fields: [
      { label: 'alias', weight: 3, phrases: doc.aliases, phraseBonus: 1 },
      {
        label: 'sku',
        weight: 3,
        phrases: [
          sku
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean),
        ],
      },
      { label: 'name', weight: 2.6, phrases: [primary], phraseBonus: 0.8 },
      { label: 'name', weight: 2.4, phrases: alt, phraseBonus: 0.8 },
      { label: 'category', weight: 1.4, phrases: [doc.category] },
      { label: 'description', weight: 0.5, phrases: [doc.description], exactOnly: true },
    ],
    concepts: doc.concepts,
    variants: doc.variants,
  };
}

function knowledgeFeatures(doc: KnowledgeSearchDoc): RowFeatures {
  return {
    fields: [
      { label: 'keyword', weight: 3, phrases: doc.keywords, phraseBonus: 1 },
      { label: 'question', weight: 2.5, phrases: [doc.question] },
      { label: 'answer', weight: 0.6, phrases: [doc.answer], exactOnly: true },
    ],
    concepts: doc.concepts,
  };
}

/** Content words that no candidate matched at a useful level: the ones worth a trigram (typo) pass. */
function unmatchedTokens(query: ParsedQuery, scored: readonly RowScore[]): string[] {
  return query.tokens.filter((t) => [...t].length >= 4 && !scored.some((s) => s.strongTokens.includes(t)));
}

const FEATURE_CACHE = 20_000;

/**
 * Lexical search (FTS5 candidates + re-rank), the shape shared by products and knowledge:
 * gather candidates by words/prefixes/concepts, score, then a typo pass for the words that
 * matched nothing, score those too, keep the relevant ones above `minScore`. Only the winners'
 * full rows are loaded; candidates are scored from their search documents (parsed once, cached).
 */
function makeSearch<T>(opts: {
  sqlite: ReadableSqlite;
  finder: ReturnType<typeof makeCandidateFinder>;
  table: 'products' | 'knowledge';
  extraWhere: string;
  features: (searchDoc: string, sku: string) => RowFeatures;
  loadItem: (shopId: number, id: number) => T | undefined;
  /** Loads the winners not loaded yet in one read (products: one query for the rows, one for their variants). */
  preload?: (shopId: number, ids: readonly number[]) => void;
  minScore: number;
  /** The catalog's version (products only): parsed documents are then also kept by row id. */
  version?: () => string;
}) {
  type Options = { typos?: boolean };
  const docs = searchDocsStatement(opts.sqlite, opts.table, opts.extraWhere);
  // Parsed search documents keyed by their JSON text: an edited row has new text, so no stale hit.
  const cache = new Map<string, RowFeatures>();
  const featuresOf = (row: { search_doc: string; sku: string }): RowFeatures => {
    const key = row.sku + '\u0000' + row.search_doc;
    let f = cache.get(key);
    if (!f) {
      f = opts.features(row.search_doc, row.sku);
      if (cache.size >= FEATURE_CACHE) cache.clear();
      cache.set(key, f);
    }
    return f;
  };

  // With a catalog version, a row's parsed document is also kept by its id until the catalog
  // changes: a warm search reads no document at all (sixty JSON texts read and hashed otherwise).
  const byId = opts.version && versionedCache<RowFeatures | null>(opts.version, FEATURE_CACHE);
  const rowFeatures = (shopId: number, ids: readonly number[]): { id: number; features: RowFeatures }[] => {
    if (ids.length === 0) return [];
    if (!byId) return docs.all(JSON.stringify(ids), shopId).map((row) => ({ id: row.id, features: featuresOf(row) }));
    const known = byId();
    const key = (id: number) => `${shopId}:${id}`;
    const missing = ids.filter((id) => !known.has(key(id)));
    if (missing.length) {
      const read = new Map(docs.all(JSON.stringify(missing), shopId).map((row) => [row.id, featuresOf(row)]));
      // Not this shop's (or gone): remembered as nothing, like the join that drops it.
      for (const id of missing) known.set(key(id), read.get(id) ?? null);
    }
    return ids.flatMap((id) => {
      const features = known.get(key(id));
      return features ? [{ id, features }] : [];
    });
  };

  // With a catalog version, a query's whole answer is kept too: a search is a function of the
  // catalog and the parsed words alone, and turns ask the same things ("sac noir", a message and
  // its part before a comma). Answers are shared: callers map them to their own objects.
  const answers = opts.version && versionedCache<readonly { item: T; score: RowScore }[]>(opts.version, KEPT_ANSWERS);
  const search = (
    shopId: number,
    query: ParsedQuery,
    k: number,
    { typos = true }: Options = {},
  ): readonly { item: T; score: RowScore }[] =>
    answers
      ? readThrough(answers(), answerKey(shopId, query, k, typos), () => searchNow(shopId, query, k, typos))
      : searchNow(shopId, query, k, typos);

  function searchNow(shopId: number, query: ParsedQuery, k: number, typos: boolean): { item: T; score: RowScore }[] {
    if (query.tokens.length === 0 && query.concepts.size === 0) return [];
    const matcher = new QueryMatcher(query);
    const scoreIds = (ids: number[]) =>
      rowFeatures(shopId, ids).map(({ id, features }) => ({ id, score: scoreRow(query, features, matcher) }));
    const ids = opts.finder.find(shopId, query, { want: k * 3, limit: CANDIDATES });
    let scored = scoreIds(ids);
    const fuzzy = unmatchedTokens(
      query,
      scored.filter((s) => s.score.score > 0).map((s) => s.score),
    );
    if (typos && fuzzy.length) {
      const seen = new Set(ids);
      scored = scored.concat(scoreIds(opts.finder.findFuzzy(shopId, fuzzy, CANDIDATES).filter((id) => !seen.has(id))));
    }
    const out: { item: T; score: RowScore }[] = [];
    const winners = scored
      .filter((x) => x.score.relevant && x.score.score >= opts.minScore)
      .sort((a, b) => b.score.rank - a.score.rank || a.id - b.id);
    // The first k are read together (a row gone since it was indexed is skipped below, the next one then read alone).
    opts.preload?.(
      shopId,
      winners.slice(0, k).map((w) => w.id),
    );
    for (const s of winners) {
      const item = opts.loadItem(shopId, s.id);
      if (item) out.push({ item, score: s.score });
      if (out.length >= k) break;
    }
    return out;
  }
  return search;
}

/** How many distinct queries' answers are kept before the cache starts again. */
const KEPT_ANSWERS = 2_048;

/** Everything of a parsed query the search reads (phrase runs read the stop-words too), with the shop and the size asked. */
const answerKey = (shopId: number, q: ParsedQuery, k: number, typos: boolean): string =>
  JSON.stringify([shopId, k, typos, q.allTokens, q.tokens, q.numbers, [...q.concepts], [...q.phraseConcepts], q.units]);

/** Retrieval over one store: products and knowledge of any shop, top-k with scores. */
export function makeRetriever(config: RetrieverConfig): Retriever {
  const { sqlite, lexicon } = config;
  const minScore = config.minScore ?? 0.12;
  const productFinder = makeCandidateFinder(sqlite, {
    words: 'products_words',
    tri: 'products_tri',
    fuzzy: ['names', 'aliases'],
    version: catalogVersion(sqlite),
  });
  const knowledgeFinder = makeCandidateFinder(sqlite, { words: 'knowledge_words', tri: 'knowledge_tri', fuzzy: ['question', 'keywords'] });
  const { productRow, productRows, knowledgeRow, loadAllProducts } = retrievalStatements(sqlite);
  // Variants (their own price and stock) are rows of the catalog's product_variants: read with the catalog's reader.
  const reader = makeProductReader(sqlite);
  // A hit's full product (its row, its variants) is read once until the catalog changes: the same
  // products answer turn after turn, and loading one costs more than scoring sixty candidates.
  const loaded = versionedCache<Product | undefined>(catalogVersion(sqlite), 5_000);
  const products = makeSearch<Product>({
    sqlite,
    finder: productFinder,
    table: 'products',
    extraWhere: '',
    features: (doc, sku) => productFeatures(JSON.parse(doc) as ProductSearchDoc, sku),
    version: catalogVersion(sqlite),
    loadItem: (shopId, id) =>
      readThrough(loaded(), `${shopId}:${id}`, () => {
        const row = productRow.get(shopId, id);
        return row && reader.one(row);
      }),
    preload: (shopId, ids) => {
      const known = loaded();
      const missing = ids.filter((id) => !known.has(`${shopId}:${id}`));
      if (missing.length < 2) return;
      for (const product of reader.many(productRows.all(JSON.stringify(missing), shopId))) known.set(`${shopId}:${product.id}`, product);
    },
    minScore,
  });
  const knowledge = makeSearch<KnowledgeEntry>({
    sqlite,
    finder: knowledgeFinder,
    table: 'knowledge',
    extraWhere: "AND t.status = 'active'",
    features: (doc) => knowledgeFeatures(JSON.parse(doc) as KnowledgeSearchDoc),
    loadItem: (shopId, id) => {
      const row = knowledgeRow.get(shopId, id);
      return row && rowToEntry(row);
    },
    minScore,
  });

  const productQuery = (text: string) => parseQuery(text, { lexicon });
  const knowledgeQuery = (text: string) => parseQuery(text, { lexicon, isStop: isStopWord });
  const searchProductsSync = (shopId: number, text: string, k = 5): ProductHit[] =>
    products(shopId, productQuery(text), k).map(({ item, score }) => ({
      product: item,
      score: round(score.score),
      matched: [...score.matched],
    }));
  const searchProductsNamed = async (shopId: number, text: string, k = 5): Promise<ProductHit[]> =>
    products(shopId, productQuery(text), k, { typos: false }).map(({ item, score }) => ({
      product: item,
      score: round(score.score),
      matched: [...score.matched],
    }));
  const searchKnowledgeSync = (shopId: number, text: string, k = 3): KnowledgeHit[] =>
    knowledge(shopId, knowledgeQuery(text), k).map(({ item, score }) => ({
      entry: item,
      score: round(score.score),
      matched: [...score.matched],
    }));

  const cache = config.embeddings ? makeEmbeddingCache() : undefined;

  return {
    searchProductsSync,
    searchProductsNamed,
    searchKnowledgeSync,
    async searchProducts(shopId, text, k = 5) {
      const lexical = searchProductsSync(shopId, text, Math.max(k * 3, 10));
      if (!config.embeddings || !cache) return lexical.slice(0, k);
      const all = reader.many(loadAllProducts.all(shopId));
      const blended = await blendEmbeddings({
        config: config.embeddings,
        cache,
        text,
        lexical,
        items: all,
        key: (p) => `p${p.id}`,
        describe: (p) => [p.name, ...p.altNames, ...p.aliases, p.category, p.description].filter(Boolean).join(' · '),
        hit: (p, score, matched) => ({ product: p, score, matched }),
        itemOf: (h) => h.product,
      });
      return blended.slice(0, k);
    },
    async searchKnowledge(shopId, text, k = 3) {
      return searchKnowledgeSync(shopId, text, k);
    },
  };
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
export { FUZZY };
