/** Text helpers shared by the guardrail checks. Pure. */

/** The one language layer's folding: guardrails compare words folded exactly as the NLU reads them. */
export { fold } from '../../text';
import { fold } from '../../text';

/** Clauses: a promise and its negation live in the same clause. */
export function clauses(text: string): string[] {
  return text
    .split(/[.!?؟;\n]+|,\s*(?:but|mais|mas|لكن|بصح|bessah|walakin)\b/i)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Whole-word test that also works for Arabic script (\b does not). */
export function hasWord(folded: string, word: string): boolean {
  const escaped = fold(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u').test(folded);
}

/** First lexicon entry found in a folded text, whole words only (for short, dynamic lists). */
export interface Lexicon {
  /** The first entry found (longest alternative first), whole words only, or null. */
  find(folded: string): string | null;
  has(folded: string): boolean;
}

/**
 * A fixed word list compiled once into one regular expression (the checks run on every reply), on its first use:
 * the guardrails' module-level lists would otherwise fold and compile at core's start.
 */
export function lexicon(words: readonly string[]): Lexicon {
  let compiled: RegExp | undefined;
  const pattern = (): RegExp => (compiled ??= compile(words));
  return {
    find: (text) => pattern().exec(text)?.[1] ?? null,
    has: (text) => pattern().test(text),
  };
}

function compile(words: readonly string[]): RegExp {
  const folded = [...new Set(words.map(fold))].filter(Boolean).sort((a, b) => b.length - a.length);
  const escaped = folded.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Arabic glues one-letter prepositions and conjunctions to the next word (لقسنطينة, وما, بالجزائر).
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])[وفبلك]?(${escaped.join('|')})(?=$|[^\\p{L}\\p{N}])`, 'u');
}

const NEGATIONS = [
  'no',
  'not',
  "don't",
  'dont',
  "doesn't",
  "can't",
  'cannot',
  'never',
  'unfortunately',
  "isn't",
  "aren't",
  "won't",
  'pas',
  'ne',
  "n'",
  'non',
  'jamais',
  'aucun',
  'aucune',
  'malheureusement',
  'nao',
  'nem',
  'nenhum',
  'nunca',
  'infelizmente',
  'mai',
  'purtroppo',
  'لا',
  'ما',
  'ليس',
  'لسنا',
  'مانقدروش',
  'مكانش',
  'ماكانش',
  'للاسف',
  'مش',
  'لن',
  'لم',
  'ma',
  'mach',
  'machi',
  'makach',
  'makanch',
  'mana9edrouch',
  'manqdrouch',
  'lasaf',
];

const NEGATION = lexicon(NEGATIONS);

/** Whether a clause negates what it says ("we don't accept cards", "pas de retour"). */
export function isNegated(foldedClause: string): boolean {
  if (/\bn'/.test(foldedClause)) return true;
  return NEGATION.has(foldedClause);
}
