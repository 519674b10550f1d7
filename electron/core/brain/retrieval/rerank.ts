import type { ParsedQuery } from './query';
import { EXACT, FUZZY, PREFIX, wordMatch } from './similarity';

/** One searchable field of a row: its phrases (each a token list) and how much a hit in it counts. */
export interface ScoredField {
  label: string;
  weight: number;
  phrases: readonly (readonly string[])[];
  /** A whole phrase of this field said in the message ("sac noir") earns this bonus, a part of one half. */
  phraseBonus?: number;
  /** Typos and substrings are not looked for here (long descriptions: cost without benefit). */
  exactOnly?: boolean;
}

export interface RowFeatures {
  fields: readonly ScoredField[];
  concepts: readonly string[];
  /** Variant names (sizes, colours): a number or word in the message that names one breaks ties. */
  variants?: readonly (readonly string[])[];
}

export interface RowScore {
  /** In [0, 1]: 1 when every thing the customer named matched an alias or name exactly. */
  score: number;
  /** The score before capping at 1: the sort key, so two full matches still rank by strength. */
  rank: number;
  /** What matched, for explanations and citations ("alias:sac noir", "name:sac", "concept:perfume"). */
  matched: string[];
  /** Whether anything beyond a tie-breaker matched. */
  relevant: boolean;
  /** Query words that matched a name, alias, SKU or category (not only a description). */
  strongTokens: string[];
}

/** Weight of a concept shared by message and row when no word of the message matched the row directly. */
const CONCEPT_WEIGHT = 2.2;
/** The best a single named thing can score (an exact alias hit); the scale of the normalised score. */
const UNIT_MAX = 3;

/**
 * Per-query memo: for each catalog word, its match quality against every content word of the
 * message. Candidates share most of their words, so each pair is compared once per query.
 */
export class QueryMatcher {
  private readonly memo = new Map<string, Float64Array>();
  private readonly exactMemo = new Map<string, Float64Array>();
  readonly index = new Map<string, number>();

  constructor(readonly query: ParsedQuery) {
    query.tokens.forEach((t, i) => this.index.set(t, i));
  }

  /** Quality of `word` against each content word (same order as query.tokens). */
  qualities(word: string, exactOnly = false): Float64Array {
    const memo = exactOnly ? this.exactMemo : this.memo;
    let q = memo.get(word);
    if (!q) {
      q = new Float64Array(this.query.tokens.length);
      for (let i = 0; i < this.query.tokens.length; i++) {
        const token = this.query.tokens[i] as string;
        q[i] = exactOnly ? (token === word ? EXACT : token.length >= 3 && word.startsWith(token) ? PREFIX : 0) : wordMatch(token, word);
      }
      memo.set(word, q);
    }
    return q;
  }

  /** Whether a said token (content or stop-word) and a catalog word are the same word, typos allowed. */
  same(said: string, word: string): boolean {
    if (said === word) return true;
    const i = this.index.get(said);
    return i !== undefined && said.length >= 4 && word.length >= 4 && (this.qualities(word)[i] ?? 0) >= FUZZY;
  }
}

/**
 * Scores one candidate row against a parsed message: each content word takes its best match over
 * the row's fields (weight × match quality); concepts count for the words that matched nothing
 * directly (the cross-language case) or when a phrase named them; the longest run of an alias or
 * name said in order earns a bonus; variants break ties.
 */
export function scoreRow(query: ParsedQuery, row: RowFeatures, matcher: QueryMatcher = new QueryMatcher(query)): RowScore {
  const n = query.tokens.length;
  const best = new Float64Array(n);
  const bestLabel: string[] = new Array<string>(n).fill('');
  for (const field of row.fields) {
    for (const phrase of field.phrases) {
      for (const word of phrase) {
        const q = matcher.qualities(word, field.exactOnly);
        for (let i = 0; i < n; i++) {
          const v = field.weight * (q[i] ?? 0);
          if (v > (best[i] ?? 0)) {
            best[i] = v;
            bestLabel[i] = `${field.label}:${word}`;
          }
        }
      }
    }
  }
  let raw = 0;
  const matched: string[] = [];
  const direct = new Set<string>();
  const strongTokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = best[i] ?? 0;
    if (v <= 0) continue;
    const token = query.tokens[i] as string;
    raw += v;
    matched.push(bestLabel[i] as string);
    if (v >= PREFIX * 1.2) direct.add(token);
    if (v >= 1) strongTokens.push(token);
  }

  let conceptUnits = 0;
  if (query.concepts.size) {
    const rowConcepts = new Set(row.concepts);
    for (const [concept, sources] of query.concepts) {
      if (!rowConcepts.has(concept)) continue;
      // A concept counts for words that matched nothing directly (the cross-language case), or
      // when a phrase named it ("sac a dos" is more than "sac").
      if (!query.phraseConcepts.has(concept) && sources.some((t) => direct.has(t))) continue;
      raw += CONCEPT_WEIGHT;
      matched.push(`concept:${concept}`);
      if (sources.every((t) => !direct.has(t))) conceptUnits++;
    }
  }

  if (raw > 0) {
    const run = bestRun(query, row.fields, matcher);
    if (run) {
      raw += run.bonus;
      matched.push(`${run.label}:${run.words.join(' ')}`);
    }
  }

  const relevant = raw > 0;
  if (relevant && row.variants && row.variants.length) {
    const said = [...query.numbers, ...query.tokens];
    if (row.variants.some((v) => v.some((w) => said.includes(w)))) raw += 0.3;
  }
  // Words the row did not explain weigh half: "je suis à Sétif" should not sink "la montre".
  const explained = Math.min(query.units, direct.size + conceptUnits);
  const denominator = Math.max(1, explained + 0.5 * (query.units - explained));
  const rank = relevant ? raw / (UNIT_MAX * denominator) : 0;
  return { score: Math.min(1, rank), rank, matched, relevant, strongTokens };
}

/**
 * The longest run of consecutive words of one phrase (alias or name) that the message says in the
 * same order, stop-words included ("sac a dos", "robe fleurie"). A whole phrase earns the field's
 * bonus, a run of two or more words of a longer phrase half of it; the best over all fields counts.
 */
function bestRun(
  query: ParsedQuery,
  fields: readonly ScoredField[],
  matcher: QueryMatcher,
): { bonus: number; label: string; words: readonly string[] } | undefined {
  const said = query.allTokens;
  let best: { bonus: number; label: string; words: readonly string[] } | undefined;
  for (const field of fields) {
    if (!field.phraseBonus) continue;
    for (const phrase of field.phrases) {
      if (phrase.length < 2) continue;
      let longest = 0;
      let at = 0;
      for (let j = 0; j + 1 < phrase.length; j++) {
        for (let i = 0; i + 1 < said.length; i++) {
          let k = 0;
          while (i + k < said.length && j + k < phrase.length && matcher.same(said[i + k] as string, phrase[j + k] as string)) k++;
          if (k > longest) {
            longest = k;
            at = j;
          }
        }
      }
      if (longest < 2) continue;
      const words = phrase.slice(at, at + longest);
      if (!words.some((w) => query.tokens.some((t) => matcher.same(t, w)))) continue;
      const bonus = longest === phrase.length ? field.phraseBonus : field.phraseBonus / 2;
      if (!best || bonus > best.bonus) best = { bonus, label: field.label, words };
    }
  }
  return best;
}

export { EXACT, FUZZY, PREFIX };
