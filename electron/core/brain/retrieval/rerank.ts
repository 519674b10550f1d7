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
  for (const [concept, sources] of query.concepts) {
    if (!rowConcepts.has(concept) || sources.some((t) => direct.has(t))) continue;
    raw += CONCEPT_WEIGHT;
    matched.push(`concept:${concept}`);
  }

  for (const field of row.fields) {
    if (!field.phraseBonus) continue;
    for (const phrase of field.phrases) {
      if (phrase.length < 2) continue;
      if (phrase.every((w) => query.tokens.some((t) => wordMatch(t, w) >= FUZZY))) {
        raw += field.phraseBonus;
        matched.push(`${field.label}:${phrase.join(' ')}`);
        break;
      }
    }
  }

  const relevant = raw > 0;
  if (relevant && row.variants) {
    const variantWords = row.variants.flat();
    const named = [...query.numbers, ...query.tokens].some((t) => variantWords.includes(t));
    if (named) raw += 0.3;
  }
  const units = Math.max(query.units, 1);
  return { score: relevant ? Math.min(1, raw / (UNIT_MAX * units)) : 0, matched, relevant, strongTokens };
}

export { EXACT, FUZZY, PREFIX };
