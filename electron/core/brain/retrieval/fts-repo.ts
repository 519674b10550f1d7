// The retrieval hot path's repository: raw FTS5 prepared statements, kept raw on purpose (issue 11's measured hot
// path: the per-turn search is most of bench/brain.ts's unseen_p95_ms, one MATCH of a prefix term 0.1-0.3 ms).
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
  /** With a version: the longest word-group row list kept whole for combining in memory (default LIST_MAX; tests lower it). */
  listMax?: number;
}

/** How many distinct MATCH answers are kept before the cache starts again. */
const KEPT_MATCHES = 4_096;

/**
 * A word group's whole row list is kept (for combining groups without SQL) up to this many rows; a
 * group matching more is combined in SQL as before. 5,000 ids of 8 bytes: at most 40 kB a group.
 */
const LIST_MAX = 5_000;
/** How many word groups' whole row lists are kept before the cache starts again. */
const KEPT_LISTS = 512;
/** A group searched once in this catalog version: its list is read if it is searched again. */
const SEEN_ONCE = 'once';

/**
 * The first `limit` ids present in every list, ascending: the answer of the groups' AND with that
 * LIMIT, each list being one group's rows in FTS5's order (ascending rowid, as an unranked MATCH returns them).
 */
export function intersectFirst(lists: readonly (readonly number[])[], limit: number): number[] {
  const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
  if (!shortest) return [];
  const at = others.map(() => 0);
  const out: number[] = [];
  next: for (const id of shortest) {
    for (let r = 0; r < others.length; r++) {
      const list = others[r] as readonly number[];
      let i = at[r] as number;
      while (i < list.length && (list[i] as number) < id) i++;
      at[r] = i;
      if (i === list.length) break next;
      if (list[i] !== id) continue next;
    }
    out.push(id);
    if (out.length >= limit) break;
  }
  return out;
}

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
  const whole = sqlite.prepare<[string, number], number>(`SELECT rowid FROM ${tables.words} WHERE ${tables.words} MATCH ? LIMIT ?`).pluck();
  const kept = tables.version && versionedCache<readonly number[]>(tables.version, KEPT_MATCHES);
  // With a version, each word group's whole row list (up to LIST_MAX) is kept: a new customer's new
  // combination of known words ("jellaba rouge brodé") is then combined here, with no MATCH at all.
  // A list is read the second time its group is searched in a version: right after a catalog edit
  // (every cache empty) a search costs what it did before lists, and lists come once words recur.
  const listMax = tables.listMax ?? LIST_MAX;
  const lists = tables.version && versionedCache<readonly number[] | null | typeof SEEN_ONCE>(tables.version, KEPT_LISTS);
  const listOf = (known: Map<string, readonly number[] | null | typeof SEEN_ONCE> | undefined, match: string): readonly number[] | null => {
    if (!known) return null;
    const list = known.get(match);
    if (list === undefined) {
      known.set(match, SEEN_ONCE);
      return null;
    }
    if (list !== SEEN_ONCE) return list;
    let ids: number[];
    try {
      ids = whole.all(match, listMax + 1);
    } catch {
      ids = [];
    }
    const kept = ids.length > listMax ? null : ids;
    known.set(match, kept);
    return kept;
  };
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
      const known = lists ? lists() : undefined;
      const prefix = scope(shopId);
      // Each group's own rows are read once: they tell whether it matches anything, and they are
      // the "any one" step below (before, a LIMIT 1 probe and then the same query again).
      // A group whose whole list is kept answers its own lookup and every AND it is part of.
      const alone = new Map<string, readonly number[]>();
      const full = new Map<string, readonly number[]>();
      const groups = groupsOf(query).filter((g) => {
        let ids = alone.get(g);
        if (!ids) {
          const list = listOf(known, `${prefix}${g}`);
          if (list) full.set(g, list);
          ids = list ? list.slice(0, opts.limit) : run(words, `${prefix}${g}`, opts.limit);
          alone.set(g, ids);
        }
        return ids.length > 0;
      });
      const found = new Set<number>();
      const collect = (parts: readonly string[], limit: number) => {
        const lists = parts.map((p) => full.get(p));
        const ids =
          parts.length === 1
            ? (alone.get(parts[0] ?? '') ?? []).slice(0, limit)
            : lists.every((l) => l !== undefined)
              ? intersectFirst(lists as readonly (readonly number[])[], limit)
              : run(words, `${prefix}${parts.join(' AND ')}`, limit);
        for (const id of ids) found.add(id);
      };
      if (groups.length === 0) return [];
      collect(groups, opts.limit);
      // Rows matching all groups but one, then any one, only fill up to `want`, each step its first (lowest) ids: among
      // equal partial matches the re-ranker keeps the lowest ids anyway, and scoring sixty of them was most of a search
      // whose words name no single product (bench/brain.ts unseen_cpu_p95_ms).
      if (found.size < opts.want && groups.length > 2 && groups.length <= MAX_SUBSETS) {
        for (let skip = 0; skip < groups.length && found.size < opts.want; skip++)
          collect(
            groups.filter((_, i) => i !== skip),
            opts.want - found.size,
          );
      }
      if (found.size < opts.want && groups.length > 1) {
        for (const g of groups) {
          if (found.size >= opts.want) break;
          collect([g], opts.want - found.size);
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
