/**
 * Optional semantic blend. When the seller configured an OpenAI-compatible endpoint, an embeddings
 * function is injected and its cosine similarity is blended into the lexical score; a failing or
 * slow endpoint never breaks retrieval: the lexical result stands.
 */
export interface EmbeddingsConfig {
  /** One vector per text, same order (e.g. POST /v1/embeddings). */
  embed(texts: string[]): Promise<number[][]>;
  /** Share of the final score that comes from embeddings (default 0.35). */
  weight?: number;
  /** Below this cosine a row the lexical search did not find is not added (default 0.45). */
  minSimilarity?: number;
  /** Catalogs larger than this only re-rank lexical candidates (default 5,000 rows). */
  maxEmbeddedRows?: number;
}

export interface EmbeddingCache {
  get(key: string, text: string): number[] | undefined;
  set(key: string, text: string, vector: number[]): void;
}

/** Vectors per row, invalidated when the row's text changes; owned by one retriever. */
export function makeEmbeddingCache(): EmbeddingCache {
  const map = new Map<string, { text: string; vector: number[] }>();
  return {
    get: (key, text) => {
      const hit = map.get(key);
      return hit && hit.text === text ? hit.vector : undefined;
    },
    set: (key, text, vector) => void map.set(key, { text, vector }),
  };
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const BATCH = 64;

export interface BlendInput<T, H extends { score: number; matched: string[] }> {
  config: EmbeddingsConfig;
  cache: EmbeddingCache;
  text: string;
  lexical: readonly H[];
  items: readonly T[];
  key: (item: T) => string;
  describe: (item: T) => string;
  hit: (item: T, score: number, matched: string[]) => H;
  itemOf: (hit: H) => T;
}

export async function blendEmbeddings<T, H extends { score: number; matched: string[] }>(input: BlendInput<T, H>): Promise<H[]> {
  const { config, cache, lexical, key, describe } = input;
  const weight = config.weight ?? 0.35;
  const minSimilarity = config.minSimilarity ?? 0.45;
  const pool = input.items.length <= (config.maxEmbeddedRows ?? 5000) ? input.items : lexical.map(input.itemOf);
  try {
    const missing = pool.filter((item) => !cache.get(key(item), describe(item)));
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const vectors = await config.embed(batch.map(describe));
      batch.forEach((item, j) => {
        const v = vectors[j];
        if (v) cache.set(key(item), describe(item), v);
      });
    }
    const [queryVector] = await config.embed([input.text]);
    if (!queryVector) return [...lexical];
    const lexicalByKey = new Map(lexical.map((h) => [key(input.itemOf(h)), h]));
    const out: H[] = [];
    for (const item of pool) {
      const vector = cache.get(key(item), describe(item));
      const similarity = vector ? Math.max(0, cosine(queryVector, vector)) : 0;
      const lex = lexicalByKey.get(key(item));
      if (!lex && similarity < minSimilarity) continue;
      const score = (1 - weight) * (lex?.score ?? 0) + weight * similarity;
      const matched = [...(lex?.matched ?? []), ...(similarity >= minSimilarity ? ['embedding'] : [])];
      out.push(input.hit(item, Math.round(score * 1000) / 1000, matched));
    }
    return out.sort((a, b) => b.score - a.score);
  } catch {
    return [...lexical];
  }
}
