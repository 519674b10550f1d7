/**
 * Finding the numbers a text states, in the formats customers and sellers of these shops write:
 * "6 500 DA", "6500 دج", "R$ 197", "1.290,00", "١٢٠٠", "10 %", "6k", "65 alf". Pure functions.
 *
 * A written number is often ambiguous ("6.500" is 6500 in Brazil and 6.5 in English), so each one
 * carries every value it may mean; a guardrail accepts it when any of them is backed by the store.
 */

export type NumberKind = 'money' | 'percent' | 'stock' | 'phone' | 'reference' | 'plain';

export interface StatedNumber {
  /** The text as written, e.g. "6 500 DA". */
  raw: string;
  /** Every value the text may mean. */
  values: number[];
  kind: NumberKind;
  /** Offset of the digits in the text. */
  index: number;
  /** The word right after the number (lower case), used to recognise quoted fragments. */
  nextWord: string;
  /** The word right before the number (lower case). */
  prevWord: string;
}

const ARABIC_INDIC = /[\u0660-\u0669]/g;
const PERSIAN = /[\u06F0-\u06F9]/g;

/** Same length as the input, so offsets stay valid: digits become ASCII, Arabic separators ASCII. */
function normalizeDigits(text: string): string {
  return text
    .replace(ARABIC_INDIC, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(PERSIAN, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, ',');
}

// Digits with thousands groups (space, NBSP, narrow NBSP, apostrophe) or decimal/thousands marks.
const NUMBER = /\d+(?:(?:[.,]\d+)|(?:[ \u00A0\u202F'’]\d{3}(?!\d)))*/g;

const CURRENCY_AFTER =
  /^\s?(?:da\b|dzd|dinars?|dinar|دج|د\.ج|دينار|r\$|brl|reais|real\b|€|eur\b|euros?|\$|usd|dollars?|mad\b|dhs?\b|درهم|tnd|centimes?|سنتيم|ريال|dt\b|£|gbp)/i;
const CURRENCY_BEFORE = /(?:r\$|\$|€|£|brl|usd|eur|dzd|\bda|prix|price|preço|preco|سعر|السعر|ثمن|بـ|ب)\s?:?\s?$/i;
const PERCENT_AFTER =
  /^\s?(?:%|٪|pour ?cent|percent|per ?cent|por ?cento|por ?ciento|في ?الم[اىئ]ئ?ة|بالم[اىئ]ئ?ة|بالمية|fil ?mia|f ?lmya)/i;
const PERCENT_BEFORE = /(?:%|٪)\s?$/;
const STOCK_AFTER =
  /^\s?(?:[a-zà-ÿ]+\s){0,2}(?:left|in stock|remaining|available|pieces?|pcs|units?|sold|restante?s?|en stock|disponibles?|pièces?|vendue?s?|vendidos?|vendidas?|em estoque|dispon[ií]ve(?:l|is)|unidades?|restam|باقي|باقية|متوفر|متوفرة|قطع|قطعة|حبات|حبة|بيعت|مبيع|bqat|ba9i|b9at|b9aw|kaynin|habba|hebba|7abat)/i;
const STOCK_BEFORE =
  /(?:only|just|seulement|plus que|reste|restent|apenas|só|somente|ghir|gher|غير|فقط|باقي|بقات|sold|vendu|vendus|vendidos|بيعنا|بعنا|stock)\s?:?\s?$/i;
/** A quantity with a unit ("100 ml", "2 kg", "42 cm") measures the product; it is not a stock count. */
const MEASURE_AFTER =
  /^\s?(?:ml|cl|l|g|gr|kg|mg|cm|mm|m|km|go|gb|mb|to|tb|mah|w|v|pouces?|inch(?:es)?|oz|ans|mois|months?|years?)(?![\p{L}])/iu;
/** Order and reference numbers ("commande n° 57") are identifiers, not claims. */
const REFERENCE_BEFORE = /(?:n°|nº|no\.|#|num[ée]ro|number|r[ée]f\.?|رقم)\s?:?\s?$/i;
const THOUSAND_AFTER = /^\s?(?:k\b|alf\b|alaf\b|ألف|الف|آلاف|mille\b|mil\b)/i;
const MILLION_AFTER = /^\s?(?:m\b|million|millions|milh[õo]es|milh[ãa]o|مليون|mlyon|melyoun)/i;

const UNITS = new Set([
  'k',
  'h',
  'x',
  'da',
  'dzd',
  'dz',
  'pcs',
  'min',
  'mn',
  'j',
  'd',
  'km',
  'kg',
  'g',
  'ml',
  'l',
  'cm',
  'm',
  'mm',
  'ans',
  'eur',
  'usd',
  'brl',
  'alf',
  'mille',
  'h00',
  'hrs',
  'hr',
  'dh',
  'dhs',
  'mad',
  'dt',
  'eme',
  'ème',
  'er',
  'e',
  'st',
  'nd',
  'rd',
  'th',
  'o',
  'a',
  'º',
  'ª',
]);

/** In Arabizi a digit is a letter ("3andek", "9adech", "7aja"): such digits state no number. */
function isArabiziLetter(raw: string, rest: string): boolean {
  if (!/^\d{1,2}$/.test(raw)) return false;
  const word = /^[A-Za-zÀ-ÿ]+/.exec(rest)?.[0];
  return word !== undefined && !UNITS.has(word.toLowerCase());
}

/** Every value a written number may mean ("6.500" → 6500 and 6.5; "1.290,00" → 1290). */
export function readNumber(token: string): number[] {
  const compact = token.replace(/[ \u00A0\u202F'’]/g, '');
  const dots = (compact.match(/\./g) ?? []).length;
  const commas = (compact.match(/,/g) ?? []).length;
  const values = new Set<number>();
  if (dots === 0 && commas === 0) {
    values.add(Number(compact));
  } else if (dots > 0 && commas > 0) {
    // The last mark is the decimal one; the other groups thousands.
    const decimalMark = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const thousandsMark = decimalMark === '.' ? ',' : '.';
    values.add(Number(compact.split(thousandsMark).join('').replace(decimalMark, '.')));
  } else {
    const mark = dots > 0 ? '.' : ',';
    const parts = compact.split(mark);
    if (parts.length > 2) {
      values.add(Number(parts.join('')));
    } else {
      const after = parts[1] ?? '';
      if (after.length === 3) values.add(Number(parts.join('')));
      values.add(Number(`${parts[0]}.${after}`));
    }
  }
  return [...values].filter((v) => Number.isFinite(v));
}

function wordAround(text: string, index: number, direction: 1 | -1): string {
  if (direction === 1) return (/^[\s:]*([\p{L}$€%٪]+)/u.exec(text.slice(index))?.[1] ?? '').toLowerCase();
  return (/([\p{L}$€]+)[\s:]*$/u.exec(text.slice(0, index))?.[1] ?? '').toLowerCase();
}

function classify(before: string, after: string, digitCount: number, hasPlus: boolean): NumberKind {
  if (PERCENT_AFTER.test(after) || PERCENT_BEFORE.test(before)) return 'percent';
  if (CURRENCY_AFTER.test(after) || CURRENCY_BEFORE.test(before)) return 'money';
  if (hasPlus || digitCount >= 8) return 'phone';
  if (REFERENCE_BEFORE.test(before)) return 'reference';
  if (MEASURE_AFTER.test(after)) return 'plain';
  if (STOCK_AFTER.test(after) || STOCK_BEFORE.test(before)) return 'stock';
  return 'plain';
}

/**
 * The numbers a text states. Digits glued to letters before them ("DZ-DR-001", "X200") are codes,
 * not claims, and are skipped; so are clock times' minutes ("18:30" yields 18 and 30 as plain).
 */
export function extractNumbers(input: string): StatedNumber[] {
  const text = normalizeDigits(input);
  const found: StatedNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    // A trailing mark belongs to the sentence ("6500." / "6500,"), not to the number.
    const raw = match[0].replace(/[.,]$/, '');
    const index = match.index;
    const prevChar = text[index - 1] ?? '';
    // Latin letters glued before digits make a code; Arabic prefixes (بـ, ل) glue to numbers normally.
    if (/[A-Za-z]/.test(prevChar)) continue;
    if (/(?:[A-Za-z]{2}|[A-Z])[-_/]$/.test(text.slice(Math.max(0, index - 3), index))) continue;
    if (isArabiziLetter(raw, text.slice(index + raw.length))) continue;
    const before = text.slice(Math.max(0, index - 14), index);
    const after = text.slice(index + raw.length, index + raw.length + 40);
    const digitCount = raw.replace(/\D/g, '').length;
    const hasPlus = /\+\s?$/.test(before);
    let values = readNumber(raw);
    if (THOUSAND_AFTER.test(after)) values = [...values, ...values.map((v) => v * 1000), ...values.map((v) => v * 10)];
    else if (MILLION_AFTER.test(after)) values = [...values, ...values.map((v) => v * 1_000_000), ...values.map((v) => v * 10_000)];
    const kind = classify(before, after, digitCount, hasPlus);
    found.push({
      raw: text.slice(index, index + raw.length),
      values: [...new Set(values)],
      kind,
      index,
      nextWord: wordAround(text, index + raw.length, 1),
      prevWord: wordAround(text, index, -1),
    });
  }
  return found;
}

/** All values of all numbers in a text (for building the store's backing set from free text). */
export function numbersIn(text: string): number[] {
  return extractNumbers(text).flatMap((n) => n.values);
}
