import { fold } from './fold';

/**
 * Measures written in product names and in customers' messages: "40W", "500 ml", "36 mesi",
 * "10-20 kg", "100 مل". They are what tells otherwise identical products apart (two bottles,
 * two speakers, two cheeses), so they are read the same way on both sides: a number, an optional
 * range, and a unit folded to one id whatever the language ("mois", "mesi", "meses" → month).
 */
export interface Measure {
  value: number;
  /** Upper end of a range ("10-20 kg"), else equal to value. */
  upTo: number;
  /** Canonical unit id ("ml", "g", "w", "month"…), or null for a bare number. */
  unit: string | null;
}

const UNITS: Readonly<Record<string, string>> = {
  ml: 'ml mls millilitre millilitres mililitro mililitros millilitro millilitri مل ملل',
  cl: 'cl centilitre centilitres',
  l: 'l lt ltr litre litres liter liters litro litros litri لتر ليتر',
  g: 'g gr grs gramme grammes gram grams grama gramas grammo grammi غ غرام جرام',
  kg: 'kg kgs kilo kilos kilogramme kilogrammes quilo quilos chilo chili كغ كيلو',
  mg: 'mg',
  w: 'w watt watts واط',
  kw: 'kw',
  v: 'v volt volts فولت',
  mah: 'mah',
  wh: 'wh',
  gb: 'gb go giga gigas',
  tb: 'tb to',
  mm: 'mm',
  cm: 'cm centimetre centimetres centimetro centimetros centimetri سم',
  m: 'm metre metres metro metros metri متر',
  inch: 'pouce pouces pol polegada polegadas pollici inch inches',
  month: 'mois mes meses mesi month months شهر شهور اشهر chhar chhour',
  year: 'an ans ano anos anni year years sana sanawat سنة سنوات',
  piece: 'pcs pc pieces piece pecas pezzi unites unidades حبة حبات',
  person: 'personnes personne pessoas persone people persons parts fatias porzioni اشخاص',
};

const UNIT_OF = new Map<string, string>();
for (const [id, words] of Object.entries(UNITS)) for (const w of words.split(/\s+/)) UNIT_OF.set(fold(w), id);

/** The canonical unit of a folded word ("mesi" → "month"), if it is one. */
export const unitOf = (word: string): string | undefined => UNIT_OF.get(word);

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
// A number not glued to a letter before it ("s7i7", "e500" are words or models), an optional range,
// then a unit glued or after a space. Without a unit, no letter may follow ("9adeh" is Arabizi).
const MEASURE = new RegExp(String.raw`(?<![\p{L}\d.,])${NUMBER}(?:\s*(?:-|–|/|a|à|to|ate|al)\s*${NUMBER})?(?:(\s*)(\p{L}{1,12}))?`, 'gu');

const num = (s: string): number => Number(s.replace(',', '.'));

/**
 * Every measure in a text, in order. A number followed by a word that is not a unit is a bare number.
 * In what customers write a one-letter unit counts only glued ("40W"): "2 w s7i7" is "2 and…" in Darija,
 * "2 l kg" has an article. Catalog names (`spacedLetters`) write "20 W" and mean it.
 */
export function measuresOf(text: string, { spacedLetters = false }: { spacedLetters?: boolean } = {}): Measure[] {
  const out: Measure[] = [];
  const folded = fold(text);
  for (const m of folded.matchAll(MEASURE)) {
    const [, a, b, gap, word] = m;
    if (!a) continue;
    const unit = word && (spacedLetters || gap === '' || word.length > 1) ? unitOf(word) : undefined;
    // "9adeh", "3andek": digits glued to letters that are no unit are Arabizi letters, not a number.
    if (word && !unit && gap === '') continue;
    const value = num(a);
    const upTo = b !== undefined && unit ? num(b) : value;
    // "2-3 jours" style ranges without a unit are two plain numbers.
    if (b !== undefined && !unit) out.push({ value: num(b), upTo: num(b), unit: null });
    out.push({ value: Math.min(value, upTo), upTo: Math.max(value, upTo), unit: unit ?? null });
  }
  return out;
}

/** Does a measure of the product (name or variant) cover what the customer said? Units must agree when both are given. */
export function agrees(said: Measure, has: Measure): boolean {
  if (said.unit && has.unit && said.unit !== has.unit) return false;
  return said.value >= has.value - 1e-9 && said.upTo <= has.upTo + 1e-9;
}

/**
 * What a customer's measures say about a product: how many of them it has, and whether one with a
 * unit contradicts it (the product states the same unit with another value: "40W" vs a 20 W speaker).
 * Bare numbers ("5000 sacos", a price) only ever agree: they may be counts or money.
 */
export function compareMeasures(said: readonly Measure[], product: readonly Measure[]): { agreed: number; contradicted: boolean } {
  let agreed = 0;
  let contradicted = false;
  for (const s of said) {
    if (product.some((p) => agrees(s, p))) agreed += 1;
    else if (s.unit && product.some((p) => p.unit === s.unit)) contradicted = true;
  }
  return { agreed, contradicted };
}
