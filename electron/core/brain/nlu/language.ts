import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { DARIJA_AR, DZ_LATN_STRONG, DZ_LATN_WEAK, EN, FR, IT, MSA, PT } from './language-lexicon';
import { arabicShare, fold, stripArabicArticle, tokens } from './normalise';

export interface LanguageGuess {
  language: CustomerLanguage;
  /** 0..1: how far the winner is ahead; low on one-word or all-neutral messages. */
  confidence: number;
}

/** A Latin word with a digit used as a letter: "3andek", "ch7al", "9adech", "m3a", "5ouya". */
const ARABIZI_WORD = /^(?=(?:.*\p{L}){2})[\p{L}23579]+$/u;
/** "25w", "2kg", "35dh": a number with a unit, not Arabizi. */
const UNIT_LIKE = /^\d+\p{L}{1,3}$/u;
/** Darija's negation "ma…ch" glued to a verb: "mawsaltch", "majatch", "makach". */
const LATN_NEGATION = /^ma\p{L}{2,}(ch|sh)$/u;
/** Darija's first-person verb with "to you" glued: "nwelilek", "ngolek", "n3awnek", "nab3atlek". */
const LATN_TO_YOU = /^n\p{L}{3,}(?:lek|lik|lkom|lkoum)$/u;
/** The same in Arabic script: "ماوصلتش", "ماكانش". */
const AR_NEGATION = /^م(?:ا|َ)?\p{L}{2,}ش$/u;

function scoreArabic(words: string[]): { dz: number; msa: number } {
  let dz = 0;
  let msa = 0;
  for (const raw of words) {
    const w = stripArabicArticle(raw);
    // The conjunction "و" glues onto the next word ("ونرجعلك").
    const unglued = raw.length > 3 && raw.startsWith('و') ? raw.slice(1) : raw;
    if (DARIJA_AR.has(raw) || DARIJA_AR.has(w) || DARIJA_AR.has(unglued)) dz += 2;
    else if (AR_NEGATION.test(raw)) dz += 1.5;
    if (MSA.has(raw) || MSA.has(w) || MSA.has(unglued)) msa += 1.5;
  }
  return { dz, msa };
}

type Latin = 'dz-latn' | 'fr' | 'en' | 'pt' | 'it';

function scoreLatin(words: string[], folded: string, raw: string): Record<Latin, number> {
  const s: Record<Latin, number> = { 'dz-latn': 0, fr: 0, en: 0, pt: 0, it: 0 };
  for (const w of words) {
    // One letter is an elision or an initial ("vitamina c", "j"), not a word of a language.
    if (w.length < 2) continue;
    if (DZ_LATN_STRONG.has(w)) s['dz-latn'] += 2;
    else if (ARABIZI_WORD.test(w) && /\d/.test(w) && !UNIT_LIKE.test(w)) s['dz-latn'] += 2;
    else if (LATN_NEGATION.test(w) && !FR.has(w)) s['dz-latn'] += 1;
    else if (LATN_TO_YOU.test(w)) s['dz-latn'] += 1;
    else if (DZ_LATN_WEAK.has(w)) s['dz-latn'] += 0.5;
    if (FR.has(w)) s.fr += 1;
    if (EN.has(w)) s.en += 1;
    if (PT.has(w)) s.pt += 1;
    if (IT.has(w)) s.it += 1;
  }
  // Spelling gives a language away even in words no list holds.
  const lower = raw.toLowerCase();
  if (/[ãõ]|ç[ãõo]|(?<!\p{L})voc[eê](?!\p{L})/u.test(lower)) s.pt += 1.5;
  if (/(?<!\p{L})è(?!\p{L})|[ìò](?!\p{L})|più|perch[eé]|zione(?!\p{L})|(?<!\p{L})gli(?!\p{L})|cch/u.test(lower)) s.it += 1;
  if (/[èëîû]|(?<!\p{L})(qu|c|j|l|d|n|m|s)'|eau|aux(?!\p{L})/u.test(lower)) s.fr += 0.8;
  if (/\b(th|wh)[a-z]+|[a-z]ing\b/.test(folded)) s.en += 0.5;
  return s;
}

/**
 * Which language and script the customer wrote in. Darija written in Latin letters borrows
 * French freely, so one sure Darija signal ("3lik", "wach", "nheb") outweighs several French
 * words: "merci bcp 3lik" is dz-latn. `previous` (the conversation's language so far) breaks
 * ties on neutral messages such as "ok" or "👍".
 */
export function detectLanguage(text: string, previous?: CustomerLanguage | null): LanguageGuess {
  const folded = fold(text);
  const words = tokens(folded);
  const share = arabicShare(text);
  if (share >= 0.5) {
    const { dz, msa } = scoreArabic(words);
    const prevAr = previous === 'ar' || previous === 'ar-dz' ? previous : null;
    // Nothing dialectal in it: standard Arabic is the safer reading (and every Arabic reader understands it).
    if (dz === 0 && msa === 0) return { language: prevAr ?? 'ar', confidence: 0.4 };
    // Darija readily mixes in MSA words; a clear Darija signal wins unless MSA dominates.
    if (dz > 0 && dz >= msa * 0.6) return { language: 'ar-dz', confidence: Math.min(1, 0.6 + (dz - msa) / 8) };
    return { language: 'ar', confidence: Math.min(1, 0.6 + (msa - dz) / 8) };
  }
  if (words.length === 0) return { language: previous ?? 'fr', confidence: 0.1 };
  const s = scoreLatin(words, folded, text);
  if (s['dz-latn'] >= 2 || (s['dz-latn'] >= 1 && s['dz-latn'] >= Math.max(s.fr, s.en, s.pt, s.it) * 0.5)) {
    return { language: 'dz-latn', confidence: Math.min(1, 0.6 + s['dz-latn'] / 10) };
  }
  const ranked = (Object.entries(s) as [Latin, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0) {
    const prev = previous && previous !== 'ar' && previous !== 'ar-dz' ? previous : null;
    return { language: prev ?? 'fr', confidence: 0.2 };
  }
  const margin = first[1] - (second?.[1] ?? 0);
  if (margin === 0 && previous && ranked.some(([l, v]) => l === previous && v === first[1])) {
    return { language: previous, confidence: 0.4 };
  }
  return { language: first[0], confidence: Math.min(1, 0.45 + margin / 4) };
}

const isArabicTag = (l: CustomerLanguage): boolean => l === 'ar' || l === 'ar-dz';

/**
 * The conversation's language after this message. It changes only on clear evidence: a bare
 * name, phone, address, "ok", size, city or number keeps the language the customer has been
 * writing in; so does one stray word of another language. A switch of script needs real words
 * ("merci" alone after Arabic is not one), and Darija ↔ standard Arabic needs a sentence.
 */
export function conversationLanguage(
  text: string,
  previous: CustomerLanguage | null,
  prior: CustomerLanguage | null = null,
): LanguageGuess {
  // The first message of a Brazilian shop's customer that could be French or Portuguese is Portuguese.
  const guess = detectLanguage(text, previous ?? prior);
  if (!previous || guess.language === previous) return guess;
  const keep = { language: previous, confidence: 0.5 };
  const words = tokens(fold(text)).filter((w) => /\p{L}{2,}/u.test(w));
  if (isArabicTag(previous) !== isArabicTag(guess.language)) return words.length >= 2 && guess.confidence >= 0.6 ? guess : keep;
  if (isArabicTag(previous)) return words.length >= 3 && guess.confidence >= 0.7 ? guess : keep;
  return words.length >= 2 && guess.confidence >= 0.7 ? guess : keep;
}

/** The language a shop's customers most likely write when a message does not tell (country → language). */
export const countryLanguage = (country: string): CustomerLanguage | null =>
  // Maghreb shops: an Arabic-script message with nothing standard about it is Darija (the Latin branch ignores this prior).
  country === 'BR' || country === 'PT'
    ? 'pt'
    : country === 'IT'
      ? 'it'
      : country === 'FR'
        ? 'fr'
        : ['DZ', 'MA', 'TN'].includes(country)
          ? 'ar-dz'
          : null;
