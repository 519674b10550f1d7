import type { ParsedQuery } from './query';
import { EXACT, FUZZY, PREFIX, wordMatch } from './similarity';

/** One searchable field of a row: its phrases (each a token list) and how much a hit in it counts. */
export interface ScoredField {
  label: string;
  weight: number;
  phrases: readonly (readonly string[])[];
  /** A whole phrase of this field named in the message ("sac noir") earns this bonus. */
  phraseBonus?: number;
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
  /** What matched, for explanations and citations ("alias:sac noir", "name:sac", "concept:perfume"). */
  matched: string[];
  /** Whether anything beyond a tie-breaker matched. */
  relevant: boolean;
  /** The score before capping at 1: the sort key, so two full matches still rank by strength. */
  rank: number;
  /** Query words that matched a name, alias, SKU or category (not only a description). */
  strongTokens: string[];
}

/** Weight of a concept shared by message and row when no word of the message matched the row directly. */
export const CONCEPT_WEIGHT = 2.2;
/** The best a single named thing can score (an exact alias hit); the scale of the normalised score. */
export const UNIT_MAX = 3;

/**
 * Scores one candidate row against a parsed message: each content word takes its best match over
 * the row's fields (weight × match quality); concepts count for the words that matched nothing
 * directly (the cross-language case); whole alias/name phrases earn a bonus; variants break ties.
 */
export function scoreRow(query: ParsedQuery, row: RowFeatures): RowScore {
  let raw = 0;
  const matched: string[] = [];
  const direct = new Set<string>();
  const strongTokens: string[] = [];
  for (const token of query.tokens) {
    let best = 0;
    let bestLabel = '';
    for (const field of row.fields) {
      if (field.weight * EXACT <= best) continue;
      for (const phrase of field.phrases) {
        for (const word of phrase) {
          const quality = wordMatch(token, word);
          if (quality > 0 && field.weight * quality > best) {
            best = field.weight * quality;
            bestLabel = `${field.label}:${word}`;
          }
        }
      }
    }
    if (best > 0) {
      raw += best;
      matched.push(bestLabel);
      if (best >= PREFIX * 1.2) direct.add(token);
      if (best >= 1) strongTokens.push(token);
    }
  }

  const rowConcepts = new Set(row.concepts);
  let conceptUnits = 0;
  for (const [concept, sources] of query.concepts) {
    if (!rowConcepts.has(concept)) continue;
    // A concept counts for words that matched nothing directly (the cross-language case), or
    // when a phrase named it ("sac a dos" is more than "sac").
    if (!query.phraseConcepts.has(concept) && sources.some((t) => direct.has(t))) continue;
    raw += CONCEPT_WEIGHT;
    matched.push(`concept:${concept}`);
    if (sources.every((t) => !direct.has(t))) conceptUnits++;
  }

  const run = bestRun(query, row.fields);
  if (run) {
    raw += run.bonus;
    matched.push(`${run.label}:${run.words.join(' ')}`);
  }

  const relevant = raw > 0;
  if (relevant && row.variants) {
    const variantWords = row.variants.flat();
    const named = [...query.numbers, ...query.tokens].some((t) => variantWords.includes(t));
    if (named) raw += 0.3;
  }
  // Words the row did not explain weigh half: "je suis à Sétif" should not sink "la montre".
  const explained = Math.min(query.units, direct.size + conceptUnits);
  const denominator = Math.max(1, explained + 0.5 * (query.units - explained));
  const rank = relevant ? raw / (UNIT_MAX * denominator) : 0;
  return { score: Math.min(1, rank), rank, matched, relevant, strongTokens };
}

const sameWord = (a: string, b: string): boolean => a === b || (a.length >= 4 && b.length >= 4 && wordMatch(a, b) >= FUZZY);

/**
 * The longest run of consecutive words of one phrase (alias or name) that the message says in the
 * same order, stop-words included ("sac a dos", "robe fleurie"). A whole phrase earns the field's
 * bonus, a run of two or more words of a longer phrase half of it; the best over all fields counts.
 */
function bestRun(query: ParsedQuery, fields: readonly ScoredField[]): { bonus: number; label: string; words: readonly string[] } | undefined {
  const said = query.allTokens;
  let best: { bonus: number; label: string; words: readonly string[] } | undefined;
  for (const field of fields) {
    if (!field.phraseBonus) continue;
    for (const phrase of field.phrases) {
      if (phrase.length < 2) continue;
      let longest = 0;
      let at = 0;
      for (let i = 0; i < said.length; i++) {
        for (let j = 0; j < phrase.length; j++) {
          let n = 0;
          while (i + n < said.length && j + n < phrase.length && sameWord(said[i + n] as string, phrase[j + n] as string)) n++;
          if (n > longest) {
            longest = n;
            at = j;
          }
        }
      }
      if (longest < 2) continue;
      const words = phrase.slice(at, at + longest);
      if (!words.some((w) => query.tokens.some((t) => sameWord(t, w)))) continue;
      const bonus = longest === phrase.length ? field.phraseBonus : field.phraseBonus / 2;
      if (!best || bonus > best.bonus) best = { bonus, label: field.label, words };
    }
  }
  return best;
}

export { EXACT, FUZZY, PREFIX };
