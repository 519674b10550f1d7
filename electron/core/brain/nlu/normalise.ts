/**
 * Folding for matching customer text against word lists: lower case, Latin accents removed,
 * Arabic letter variants unified, diacritics and tatweel dropped, Arabic-Indic digits made ASCII,
 * letters repeated for emphasis ("merciiii", "bzzzaf") squeezed. Digits inside Latin words stay:
 * in Arabizi they are letters (3=ع, 7=ح, 9=ق).
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})\1{2,}/gu, '$1');
}

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

/** Words of folded text. French elisions ("l'adresse", "c'est") split off their letter. */
export function tokens(folded: string): string[] {
  return folded
    .replace(/\b([cdjlmnst]|qu)'/g, '$1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Tokens with the Arabic article removed, for lexicon and catalog matching. */
export const matchTokens = (text: string): string[] => tokens(fold(text)).map(stripArabicArticle);

export const hasArabicScript = (text: string): boolean => /[\u0600-\u06ff]/.test(text);

/** Share of letters that are Arabic script (0..1). */
export function arabicShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((ch) => /[\u0600-\u06ff]/.test(ch)).length / letters.length;
}
