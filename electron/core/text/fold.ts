import { memoText } from './memo';
import { foldLatin, normaliseArabic } from './normalise';

/**
 * The one folding for matching words (NLU, places, guardrails): lower case, Latin accents removed,
 * Arabic letter variants and Maghrebi keyboard letters unified, diacritics and tatweel dropped,
 * Arabic-Indic digits made ASCII, curly apostrophes straightened, letters repeated for emphasis
 * ("merciiii", "bzzzaf") squeezed. It is built on the same script folding as the search index
 * (normalise.ts), so a word folded here and a word indexed there agree on letters. Digits inside
 * Latin words stay: in Arabizi they are letters (3=ع, 7=ح, 9=ق).
 */
export const fold: (text: string) => string = memoText(
  (text) =>
    normaliseArabic(foldLatin(text))
      .replace(/[’‘`´]/g, "'")
      .replace(/(\p{L})\1{2,}/gu, '$1'),
  4_096,
);

/** Arabic-Indic digits → ASCII, nothing else (phone numbers keep their separators for parsing). */
export const asciiDigits = (text: string): string =>
  text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0));

const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

/** "الفستان" → "فستان": the article and its clitics, so "the dress" matches "a dress". */
export function stripArabicArticle(token: string): string {
  for (const p of ARABIC_PREFIXES) {
    if (token.startsWith(p) && token.length - p.length >= 2) return token.slice(p.length);
  }
  return token;
}

/** One-letter prepositions and conjunctions Arabic glues to the next word: ف ب ل و ك. */
const GLUED = /^[فبلوك]/;

/**
 * The forms a folded Arabic token may stand for once a glued preposition is removed:
 * "بوهران" → ["بوهران", "وهران"], "فالجزاير" → [..., "جزاير"]. Latin tokens are returned alone.
 */
export function unglued(token: string): string[] {
  const out = [stripArabicArticle(token)];
  if (GLUED.test(token) && token.length >= 4) {
    const rest = token.slice(1);
    out.push(rest, stripArabicArticle(rest));
  }
  return [...new Set(out)];
}

/**
 * Darija in Latin letters glues the article "l" to its noun ("lkbira", "l3ers", "lbaklawa"): the
 * word without it, when what is left is a word of at least three letters. The caller decides
 * whether the shorter form means anything (a catalog word, a concept); "lampe" stays "lampe" there.
 */
export function withoutLatinArticle(word: string): string | undefined {
  // A consonant or an Arabizi digit after the "l": French and Italian words start "la", "le", "lu"….
  return /^l[b-df-hj-np-tv-xz0-9][a-z0-9]{2,}$/.test(word) ? word.slice(1) : undefined;
}

/**
 * The stem a Romance noun or adjective keeps across number and gender: "casco"/"caschi",
 * "capacete"/"capacetes", "rossa"/"rosse", "fiore"/"fiori", "limão"/"limões" (folded "limao"/"limoes").
 * Only Latin words; the caller compares stems of four letters or more.
 */
export function romanceStem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  return word
    .replace(/(?:oes|aes|ais|eis|ois)$/, '')
    .replace(/([cg])h([ie])$/, '$1$2')
    .replace(/[aeiou]s?$/, '');
}

/** Words of folded text. French and Italian elisions ("l'adresse", "c'est", "dell'hotel") split off their letter. */
export function tokens(folded: string): string[] {
  return folded
    .replace(/\b([cdjlmnst]|qu|dell|all|nell|sull)'/g, '$1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Tokens with the Arabic article removed, for lexicon and catalog matching. */
export const matchTokens = (text: string): string[] => tokens(fold(text)).map(stripArabicArticle);

/** Share of letters that are Arabic script (0..1). */
export function arabicShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((ch) => /[\u0600-\u06ff]/.test(ch)).length / letters.length;
}
