import type SQLite from 'better-sqlite3';
import { shopToken } from '../../catalog/search-doc';
import type { ParsedQuery } from './query';

/** FTS5 query text for canonical tokens: quoted (tokens are letters/digits only), prefix for 3+ chars. */
export function wordTerms(tokens: readonly string[]): string[] {
  return tokens.map((t) => ([...t].length >= 3 ? `"${t}"*` : `"${t}"`));
}

/** Every trigram of a token, quoted, for the trigram index (a token shorter than 3 has none). */
export function trigramsOf(token: string): string[] {
  const chars = [...token];
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(`"${chars.slice(i, i + 3).join('')}"`);
  return [...new Set(out)];
}

export interface FtsTables {
  /** unicode61 index: columns shop, <text columns…>, concepts. */
  words: string;
  /** trigram index: columns shop, <text columns…>. */
  tri: string;
  /** Text columns searched first (names, aliases / question, keywords). */
  primary: readonly string[];
  /** Text columns searched when the primary ones give too few candidates (descriptions, answers). */
  secondary: readonly string[];
  /** bm25 weights of the words index, in column order (shop first, concepts last). */
  wordsWeights: readonly number[];
  triWeights: readonly number[];
}

/**
 * Candidate gathering: three cheap FTS5 passes whose union the re-ranker scores.
 * 1. words index, primary columns + concepts (exact words, prefixes, cross-language concepts);
 * 2. words index, secondary columns, only if pass 1 found fewer than `want`;
 * 3. trigram index, for content words passes 1 and 2 left unmatched (typos, substrings): every
 *    trigram of those words OR-ed, bm25-ranked, so rows sharing the most trigrams come first.
 */
export function makeCandidateFinder(sqlite: SQLite.Database, tables: FtsTables) {
  const cache = new Map<string, SQLite.Statement<[string, number], { rowid: number }>>();
  const stmt = (table: string, weights: readonly number[]) => {
    const key = `${table}|${weights.join(',')}`;
    let s = cache.get(key);
    if (!s) {
      s = sqlite.prepare<[string, number], { rowid: number }>(
        `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, ${weights.join(', ')}) LIMIT ?`,
      );
      cache.set(key, s);
    }
    return s;
  };
  const run = (table: string, weights: readonly number[], match: string, limit: number): number[] => {
    try {
      return stmt(table, weights).all(match, limit).map((r) => r.rowid);
    } catch {
      // A query FTS5 rejects (it should not: terms are quoted) finds nothing rather than failing the reply.
      return [];
    }
  };

  return {
    /** Passes 1 and 2: row ids whose words, prefixes or concepts match. */
    find(shopId: number, query: ParsedQuery, opts: { want: number; limit: number }): number[] {
      const shop = `shop : "${shopToken(shopId)}"`;
      const found = new Set<number>();
      const words = wordTerms(query.tokens);
      const concepts = [...query.concepts.keys()].map((c) => `"${c}"`);
      const primary: string[] = [];
      if (words.length) primary.push(`{${tables.primary.join(' ')}} : (${words.join(' OR ')})`);
      if (concepts.length) primary.push(`concepts : (${concepts.join(' OR ')})`);
      if (primary.length === 0) return [];
      for (const id of run(tables.words, tables.wordsWeights, `${shop} AND (${primary.join(' OR ')})`, opts.limit)) found.add(id);
      if (found.size < opts.want && words.length) {
        const secondary = `${shop} AND {${tables.secondary.join(' ')}} : (${words.join(' OR ')})`;
        for (const id of run(tables.words, tables.wordsWeights, secondary, opts.limit)) found.add(id);
      }
      return [...found];
    },
    /** Pass 3: row ids sharing trigrams with words nothing matched (typos, substrings). */
    findFuzzy(shopId: number, tokens: readonly string[], limit: number): number[] {
      const grams = [...new Set(tokens.flatMap(trigramsOf))];
      if (grams.length === 0) return [];
      const match = `shop : "${shopToken(shopId)}" AND {${tables.primary.join(' ')}} : (${grams.join(' OR ')})`;
      return run(tables.tri, tables.triWeights, match, limit);
    },
  };
}
