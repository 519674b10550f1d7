// The retrieval hot path's repository: raw FTS5 prepared statements (one candidate lookup is tens of
// microseconds, and a reply runs dozens of them), the one place outside the pipeline kept raw on purpose.
import { shopToken } from '../../catalog';
import type { ReadableSqlite } from '../../store';
import type { ParsedQuery } from './query';
import { readThrough, versionedCache } from './catalog-version-store';

/** FTS5 term for a canonical token: quoted (tokens are letters/digits only), prefix for 3+ chars. */
export const wordTerm = (token: string): string => ([...token].length >= 3 ? `"${token}"*` : `"${token}"`);

/**
 * Pieces of a word for typo-tolerant lookup in the trigram index: with one typo, one half of the
 * word is still intact. Words of 4-5 letters give their first and last three letters.
 */
export function fuzzyPieces(token: string): string[] {
  const chars = [...token];
  if (chars.length < 4) return [];
  if (chars.length < 6) return [chars.slice(0, 3).join(''), chars.slice(-3).join('')];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(''), chars.slice(half - (chars.length % 2 === 0 ? 0 : 1)).join('')];
}

export interface FtsTables {
  /** unicode61 index: columns shop, <text columns…>, concepts. */
  words: string;
  /** trigram index: columns shop, <text columns…>. */
  tri: string;
  /** Columns the typo pass looks in (names and aliases / question and keywords). */
  fuzzy: readonly string[];
  /**
   * The indexed rows' version (catalogVersion: products only): each MATCH's rowids are then kept
   * until it moves. Turns ask the same few words again and again; an FTS5 lookup of a common word
   * is the largest part of a search. Without it nothing is kept (knowledge has no such version).
   */
  version?: () => string;
}

/** How many distinct MATCH answers are kept before the cache starts again. */
const KEPT_MATCHES = 4_096;

const MAX_SUBSETS = 6;

/**
 * Candidate gathering without bm25: ranking every match of a common word ("robe" in a 50,000
 * product catalog) costs tens of milliseconds, while unranked FTS5 lookups with a LIMIT cost tens
 * of microseconds. One group per content word (the word or a prefix of it in any column, or one of
 * its lexicon concepts; concept ids are English words, so a stray hit on a name means the same).
 * Groups that match nothing are dropped (a city, a word the catalog lacks), then come rows matching
 * ALL remaining groups, then all but one, then any one, until enough are found; the re-ranker
 * orders them. The shop term is added only when the file holds several shops.
 */
export function makeCandidateFinder(sqlite: ReadableSqlite, tables: FtsTables) {
  const words = sqlite.prepare<[string, number], { rowid: number }>(
    `SELECT rowid FROM ${tables.words} WHERE ${tables.words} MATCH ? LIMIT ?`,
  );
  const tri = sqlite.prepare<[string, number], { rowid: number }>(`SELECT rowid FROM ${tables.tri} WHERE ${tables.tri} MATCH ? LIMIT ?`);
  const shopCount = sqlite.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM shops`);
  const lookup = (statement: typeof words, match: string, limit: number): number[] => {
    try {
      return statement.all(match, limit).map((r) => r.rowid);
    } catch {
      // A query FTS5 rejects (it should not: terms are quoted) finds nothing rather than failing the reply.
      return [];
    }
  };
  const kept = tables.version && versionedCache<readonly number[]>(tables.version, KEPT_MATCHES);
  /**
   * The lookups of one search: with a version, through the MATCH answers valid now (one version
   * read per search: the catalog does not change while a synchronous search runs). Callers only
   * read the lists (and copy what they keep): a cached list is shared, never mutated.
   */
  const lookups = () => {
    const answers = kept ? kept() : undefined;
    return (statement: typeof words, match: string, limit: number): readonly number[] =>
      answers
        ? readThrough(answers, `${statement === words ? 'w' : 't'}${limit}\u0000${match}`, () => lookup(statement, match, limit))
        : lookup(statement, match, limit);
  };
  const scope = (shopId: number): string => ((shopCount.get()?.n ?? 0) > 1 ? `shop : "${shopToken(shopId)}" AND ` : '');

  const groupsOf = (query: ParsedQuery): string[] =>
    query.tokens.map((token) => {
      const concepts = [...query.concepts].filter(([, sources]) => sources.includes(token)).map(([c]) => `"${c}"`);
      return `(${[wordTerm(token), ...concepts].join(' OR ')})`;
    });

  return {
    find(shopId: number, query: ParsedQuery, opts: { want: number; limit: number }): number[] {
      const run = lookups();
      const prefix = scope(shopId);
      // Each group's own rows are read once: they tell whether it matches anything, and they are
      // the "any one" step below (before, a LIMIT 1 probe and then the same query again).
      const alone = new Map<string, readonly number[]>();
      const groups = groupsOf(query).filter((g) => {
        const ids = alone.get(g) ?? run(words, `${prefix}${g}`, opts.limit);
        alone.set(g, ids);
        return ids.length > 0;
      });
      const found = new Set<number>();
      const collect = (parts: readonly string[]) => {
        const ids = parts.length === 1 ? (alone.get(parts[0] ?? '') ?? []) : run(words, `${prefix}${parts.join(' AND ')}`, opts.limit);
        for (const id of ids) found.add(id);
      };
      if (groups.length === 0) return [];
      collect(groups);
      if (found.size < opts.want && groups.length > 2 && groups.length <= MAX_SUBSETS) {
        for (let skip = 0; skip < groups.length && found.size < opts.limit; skip++) collect(groups.filter((_, i) => i !== skip));
      }
      if (found.size < opts.want && groups.length > 1) {
        for (const g of groups) {
          if (found.size >= opts.limit) break;
          collect([g]);
        }
      }
      return [...found];
    },
    /** Rows whose names/aliases contain an intact half of a word nothing else matched (typos). */
    findFuzzy(shopId: number, tokens: readonly string[], limit: number): number[] {
      const pieces = [...new Set(tokens.flatMap(fuzzyPieces))].map((p) => `"${p}"`);
      if (pieces.length === 0) return [];
      const prefix = scope(shopId);
      return [...lookups()(tri, `${prefix}{${tables.fuzzy.join(' ')}} : (${pieces.join(' OR ')})`, limit)];
    },
  };
}
