import { fold, tokens, unglued } from './fold';
import { CITY_ROWS } from './gazetteer-data';
import { COLLOQUIAL } from './places-colloquial';
import { WILAYAS_DZ } from './places-dz';
import { isOrdinaryWord } from './ordinary-words';

/** A city, town or (Algeria) wilaya a customer named. */
export interface Place {
  /** The name the order row and the courier CSV carry. */
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** The region's main city when the place is a smaller town (a delivery zone may list only that). */
  region: string | null;
  /** Wilaya code for Algeria's wilayas; null elsewhere. */
  code: number | null;
  arabic: string | null;
}

export interface PlaceOptions {
  /** The shop's country: its places win a tie ("Valence" of France over Valencia's spellings). */
  country?: string | null;
  /**
   * The bot asked for the city or address. Only then do forms that are ordinary words ("mila",
   * "sale", "bra") or short codes ("sp", "bh", "lx") count as places.
   */
  expectingAddress?: boolean;
}

interface Form {
  place: Place;
  words: string[];
  /** Counts only where an address is expected. */
  weak: boolean;
  /** Hand-written forms (wilayas, colloquial) beat generated ones of the same length. */
  curated: boolean;
  population: number;
}

const norm = (s: string): string[] => tokens(fold(s));

function isWeak(words: string[], placeName: string): boolean {
  if (words.length !== 1) return false;
  const w = words[0] ?? '';
  if (w.length <= 3) return true;
  // A place's own name that is also a word stays strong only when it is long ("Constantine").
  return isOrdinaryWord(w) && !(w === norm(placeName).join(' ') && w.length >= 8);
}

function addForms(out: Form[], place: Place, spellings: Iterable<string>, curated: boolean, population: number): void {
  const seen = new Set<string>();
  for (const s of spellings) {
    const words = norm(s);
    const key = words.join(' ');
    if (!key || seen.has(key) || (words.length === 1 && key.length < 2)) continue;
    seen.add(key);
    out.push({ place, words, weak: isWeak(words, place.name), curated, population });
  }
}

function generatedForms(out: Form[], renamed: Map<string, readonly [string, string, string, string]>): void {
  for (const row of CITY_ROWS) {
    const [country = '', name = '', pop = '0', region = '', latin = '', arabic = ''] = row.split('|');
    const local = renamed.get(`${country}|${name}`);
    const place: Place = { name: local?.[2] ?? name, country, region: region || null, code: null, arabic: arabic.split(';')[0] || null };
    const spellings = [...latin.split(';'), ...arabic.split(';'), ...(local ? local[3].split(';') : [])].filter(Boolean);
    addForms(out, place, spellings, false, Number(pop));
    if (local) renamed.delete(`${country}|${name}`);
  }
}

function build(): Form[] {
  const out: Form[] = [];
  for (const [code, name, arabic, spellings] of WILAYAS_DZ) {
    addForms(out, { name, country: 'DZ', region: null, code, arabic }, [name, arabic, ...spellings.split(';')], true, 1e7);
  }
  const renamed = new Map(COLLOQUIAL.map((c) => [`${c[0]}|${c[1]}`, c] as const));
  generatedForms(out, renamed);
  // Colloquial entries with no generated row are places of their own.
  for (const [country, , name, spellings] of renamed.values()) {
    addForms(out, { name, country, region: null, code: null, arabic: null }, [name, ...spellings.split(';')], true, 0);
  }
  // Colloquial spellings of generated rows are hand-written too.
  const colloquialNames = new Set(COLLOQUIAL.map((c) => `${c[0]}|${c[2]}`));
  for (const f of out) if (colloquialNames.has(`${f.place.country}|${f.place.name}`)) f.curated = true;
  return out;
}

/** Forms indexed by their first word, so a lookup costs a few map reads per word of the message. */
interface Index {
  byFirst: Map<string, Form[]>;
  byName: Map<string, Place>;
}

function buildIndex(): Index {
  const byFirst = new Map<string, Form[]>();
  const byName = new Map<string, Place>();
  for (const f of build()) {
    const first = f.words[0] ?? '';
    const list = byFirst.get(first) ?? [];
    list.push(f);
    byFirst.set(first, list);
    const key = `${f.place.country}|${fold(f.place.name)}`;
    if (!byName.has(key)) byName.set(key, f.place);
  }
  return { byFirst, byName };
}

/**
 * Built on first use (about 100 ms of CPU over some 10,000 spellings), not at load: core answers and accepts
 * messages before any customer names a city. Immutable afterwards.
 */
let index: Index | undefined;
const getIndex = (): Index => (index ??= buildIndex());

/** Has anything asked for a place yet? (The startup test checks that starting core does not build the index.) */
export const gazetteerBuilt = (): boolean => index !== undefined;

interface Hit {
  form: Form;
  at: number;
}

/** Better match first: more words, then the shop's country, hand-written, bigger place. */
function better(a: Hit, b: Hit, country: string | null): boolean {
  if (a.form.words.length !== b.form.words.length) return a.form.words.length > b.form.words.length;
  const ac = a.form.place.country === country;
  const bc = b.form.place.country === country;
  if (ac !== bc) return ac;
  // "sfax route de tunis": the city comes first, the street is named after another one.
  if (a.at !== b.at) return a.at < b.at;
  if (a.form.curated !== b.form.curated) return a.form.curated;
  return a.form.population > b.form.population;
}

function matchesAt(words: readonly string[][], at: number, form: Form): boolean {
  return form.words.every((w, j) => words[at + j]?.includes(w) ?? false);
}

/** Every place form found in the text, best first. */
function hitsIn(text: string, options: PlaceOptions): Hit[] {
  const { byFirst } = getIndex();
  // Each word with the forms it may stand for once a glued Arabic preposition or article is removed.
  const words = norm(text).map((t) => [t, ...unglued(t)]);
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const variant of new Set(words[i])) {
      for (const form of byFirst.get(variant) ?? []) {
        if (form.weak && !options.expectingAddress) continue;
        if (matchesAt(words, i, form)) hits.push({ form, at: i });
      }
    }
  }
  const country = options.country ?? null;
  return hits.sort((a, b) => (better(a, b, country) ? -1 : better(b, a, country) ? 1 : a.at - b.at));
}

const WILAYA_CODE = /(?:wilaya|ولاية|wilayet|w)\s*(\d{1,2})\b/i;

/**
 * The place the text names, if any: "livraison l wahran" → Oran, "بمراكش" → Marrakech,
 * "sampa" → São Paulo (only where an address is expected), "wilaya 31" → Oran.
 */
export function findPlace(text: string, options: PlaceOptions = {}): Place | null {
  const best = hitsIn(text, options)[0];
  if (best) return best.form.place;
  const coded = WILAYA_CODE.exec(text);
  if (coded && (options.country ?? 'DZ') === 'DZ') {
    const code = Number(coded[1]);
    const hit = WILAYAS_DZ.find((r) => r[0] === code);
    if (hit) return { name: hit[1], country: 'DZ', region: null, code, arabic: hit[2] };
  }
  return null;
}

/** The words of the text that named the place ("f wahran" → "wahran"), to cut them out before reading an address. */
export function placeSpan(text: string, options: PlaceOptions = {}): { place: Place; from: number; length: number } | null {
  const best = hitsIn(text, options)[0];
  return best ? { place: best.form.place, from: best.at, length: best.form.words.length } : null;
}

/** A place by the name an order row carries. */
export function placeByName(name: string, country?: string | null): Place | undefined {
  const { byName } = getIndex();
  const key = fold(name);
  if (country) return byName.get(`${country}|${key}`) ?? findPlace(name, { country, expectingAddress: true }) ?? undefined;
  return findPlace(name, { expectingAddress: true }) ?? undefined;
}

/** Do a delivery zone's name and a place mean the same place? "Oran" / "وهران" / "wahran" all do. */
export function samePlace(zoneName: string, place: Place): boolean {
  const zone = findPlace(zoneName, { country: place.country, expectingAddress: true });
  if (zone) return zone.name === place.name && zone.country === place.country;
  return fold(zoneName).trim() === fold(place.name).trim();
}

export const WILAYA_COUNT = WILAYAS_DZ.length;

/** How many places the gazetteer knows (for tests and the Settings page's help text). */
export const placeCount = (): number =>
  new Set([...getIndex().byFirst.values()].flat().map((f) => `${f.place.country}|${f.place.name}`)).size;
