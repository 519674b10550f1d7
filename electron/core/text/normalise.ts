/**
 * Text normalisation shared by retrieval (index and query) and the brain. Every function is pure.
 * The same function must run on both sides of a comparison: the goal is that the spellings a
 * customer uses and the ones a seller typed meet, not that the result is correct language.
 */
import { memoText } from './memo';

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const ARABIC_LETTER_MAP: Readonly<Record<string, string>> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  // Persian/Urdu letters that Maghrebi keyboards produce for the same sounds.
  ی: 'ي',
  ک: 'ك',
  ڤ: 'ف',
  گ: 'ك',
  ڨ: 'ق',
};
const ARABIC_LETTERS = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');

/** Arabic-Indic (U+0660…) and Extended/Persian (U+06F0…) digits to ASCII. */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** Alef/ya/ta-marbuta/hamza-seat variants folded, harakat and tatweel removed, Arabic digits to ASCII. */
export function normaliseArabic(text: string): string {
  return foldDigits(
    text
      .replace(ARABIC_DIACRITICS, '')
      .replace(TATWEEL, '')
      .replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_MAP[c] ?? c),
  );
}

/** Lower-case and strip accents from Latin letters (é→e, ç→c, ã→a, ß→ss, œ→oe). Arabic is left alone. */
export function foldLatin(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
}

// Arabizi digits as letters. 3 (ع) and 2 (ء) fold to "a" so that after collapsing repeats
// "3andek" and "andek" meet; 7 (ح) folds to "h" so "ch7al" and "chhal" meet ("chal" once collapsed).
const ARABIZI: Readonly<Record<string, string>> = { '2': 'a', '3': 'a', '5': 'kh', '7': 'h', '8': 'gh', '9': 'q' };
// Tokens where digits are quantities or model numbers, not letters: 100ml, 25w, 3m, ps5, s23, iphone15.
// A single trailing 3/7/9 stays Arabizi ("sba7", "mli7", "m3"): those digits are letters far more often.
const UNIT_TOKEN =
  /^\d+(?:[.,]\d+)?(?:ml|cl|l|g|gr|kg|mg|cm|mm|m|km|w|kw|v|mah|gb|go|tb|to|mb|mo|x|h|mn|min|p|k|an|ans|yo|y|pcs|pc|pieces)$/;
const MODEL_TOKEN = /^(?:[a-z]{1,3}[0124568]|[a-z]+\d{2,})$/;

/** Arabizi digits inside Latin words become letters; pure numbers, units and model numbers are kept. */
export function foldArabizi(token: string): string {
  if (!/\d/.test(token) || !/[a-z]/.test(token)) return token;
  if (UNIT_TOKEN.test(token) || MODEL_TOKEN.test(token)) return token;
  return token.replace(/[235789]/g, (d) => ARABIZI[d] ?? d);
}

/** Runs of the same letter collapse to one: "ghaaali"→"ghali", "بزااااف"→"بزاف". Applied to index and query alike. */
export function collapseRepeats(text: string): string {
  return text.replace(/(\p{L})\1+/gu, '$1');
}

/** Everything but letters and digits separates tokens (punctuation of every script included). */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

// Arabic proclitics: the article and the prepositions glued to it. Stripped only when a word of
// at least three letters remains, so short words are not mangled.
const ARABIC_PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

function stripArabicClitics(token: string): string {
  for (const prefix of ARABIC_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= 3) return token.slice(prefix.length);
  }
  return token;
}

/** Light plural folding for Latin words: robes→robe, baskets→basket, dresses→dress, boxes→box. */
function stripLatinPlural(token: string): string {
  if (token.length < 4 || !/^[a-z]+$/.test(token)) return token;
  if (/(?:ss|sh|ch|x)es$/.test(token)) return token.slice(0, -2);
  if (/[^su]s$/.test(token) && !/is$/.test(token)) return token.slice(0, -1);
  return token;
}

const isArabicScript = (token: string): boolean => /[\u0600-\u06FF]/.test(token);

/** One token, already separated: the canonical form used for indexing and matching. */
export const normaliseToken: (raw: string) => string = memoText((raw) => {
  let token = foldLatin(normaliseArabic(raw));
  if (isArabicScript(token)) return collapseRepeats(stripArabicClitics(token));
  token = foldArabizi(token);
  return collapseRepeats(stripLatinPlural(token));
}, 50_000);

/** The text's canonical tokens, in order (empty strings dropped). */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  for (const part of foldDigits(text).split(SEPARATORS)) {
    if (!part) continue;
    const token = normaliseToken(part);
    if (token) out.push(token);
  }
  return out;
}

/** The whole text normalised to space-separated canonical tokens (what the search indexes store). */
export function normaliseText(text: string): string {
  return tokenise(text).join(' ');
}

/** Script-level normalisation that keeps words intact: for display-independent comparisons and language detection. */
export function normaliseLoose(text: string): string {
  return collapseRepeats(foldLatin(normaliseArabic(text)))
    .replace(/\s+/g, ' ')
    .trim();
}
