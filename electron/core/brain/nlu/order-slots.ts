import type { Product } from '../../../../shared/domain/catalog';
import { COLOUR_CONCEPTS, colourSpelling, conceptOf } from '../../text';
import { fold, matchTokens, tokens } from './normalise';
import { findPhone } from './phone';
import { CORRECTION_MARKERS, NEGATIONS, findQuantity, hasBuyingVerb } from './quantity';

export { findQuantity } from './quantity';
import { type Place, findPlace, placeSpan } from './wilayas';

/** What a customer message says towards an order; every field optional, any order. */
export interface SlotFindings {
  name?: string;
  phone?: string;
  place?: Place;
  commune?: string;
  address?: string;
  /** The parts of the text that were details (phone, place, name, address): never read as products. */
  consumed: string[];
}

export type SlotName = 'name' | 'phone' | 'wilaya' | 'address';

export interface SlotOptions {
  /** The shop's country (ISO 3166): phone plan and preferred places. */
  country?: string | null;
}

const NAME_INTRO =
  /(?:je m'?appelle|mon nom(?: est| c'?est)?|moi c'?est|nom(?: et pr[ée]nom)?\s*:|my name is|my name's|name\s*:|me chamo|meu nome (?:é|e)|nome\s*:|mi chiamo|il mio nome (?:è|e)|ismi|esmi|smiti|smiyti|smyti|esmi|اسمي|سميتي|الاسم|إسمي|انا اسمي|أنا اسمي)\s*:?\s*([\p{L}' -]{2,40})/iu;

/** "Je suis Sofia Haddad", "I'm Karim", "sou o João", "sono Giulia": a name only when written with capitals (not "je suis à Sétif"). */
const SELF_INTRO =
  /(?:^|[\s,.!])(?:[Jj]e suis|[Cc]'est|[Ii]ci|I am|I'm|[Tt]his is|[Ii]t's|[Ee]u sou|[Ss]ou [oa]|[Ss]ou|[Aa]qui é [oa]?|[Ii]o sono|[Ss]ono|[Aa]na|أنا|انا)\s+(\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,3})/u;

/** Words a customer puts before a bare detail ("ok Karim Haddad", "voilà 0555…", "sim, João"). */
const FILLER =
  /^(?:(?:ok|okay|oki|d'?accord|dacc|voila|voilà|bon|alors|oui|ouais|yes|yeah|sure|so|well|wah|ih|iyeh|wakha|safi|sim|claro|certo|va bene|allora|ecco|أوكي|اوكي|واه|نعم|ايه|يه|طيب|حسنا)[\s,.!:;-]+)+/iu;

const ADDRESS_INTRO = /(?:adresse|address|endere[cç]o|morada|indirizzo|l'?adresse|العنوان|عنواني|adrese|adresa|adress)\s*:?\s*(.{3,120})/iu;

const ADDRESS_WORDS = new Set(
  `rue route rte km cite hay 7ay quartier lotissement lot bloc bt batiment immeuble residence avenue av boulevard bd street st road rd rua avenida av via viale piazza corso largo travessa alameda estrada
   village douar centre ville commune baladia baladiya pres cote derriere devant face numero n appartement appt apt logement logts logements bairro andar casa apartamento interno scala piano
   derb zanqa zenqa zankat hay lotis imm etage trik triq nahj nehj حي شارع دوار بلديه قرب مقابل جنب عماره عمارة اقامه اقامة طريق نهج زنقه زنقة درب مدينه`.split(
    /\s+/,
  ),
);
const COMMUNE_INTRO =
  /(?:commune|baladia|baladiya|baladiyet|بلدية|بلديه|daira|دائرة|bairro|quartier)\s*(?:de|d'|ta3|:)?\s*([\p{L}' -]{2,40})/iu;

/** Words that end a name ("je m'appelle Amine et j'habite…"). */
const NAME_STOP =
  /\s+(?:et|and|e|w|و|from|à|in|f|fi|men|mn|من|ب|numero|num|tel|phone|rqm|رقم|at|rani|rahi|j'?habite|habito|moro|abito|sono|sou|je|i)\s.*$/iu;
/** "Karim de Sétif", "Ana da Maia": a particle then a place ends the name; "Maria da Silva" keeps it. */
const PARTICLE_PLACE = /\s(?:de|da|di|do|d'|em|a|à)\s*(\p{L}.*)$/iu;

const cleanName = (s: string): string => {
  let name = s.replace(NAME_STOP, '');
  const particle = PARTICLE_PLACE.exec(name);
  if (particle?.[1] && findPlace(particle[1], { expectingAddress: true })) name = name.slice(0, particle.index);
  return name
    .replace(/[^\p{L}' -]/gu, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');
};

function selfIntro(text: string, options: SlotOptions): RegExpExecArray | null {
  const m = SELF_INTRO.exec(text);
  return m?.[1] && !findPlace(m[1], { country: options.country ?? null }) ? m : null;
}

/** Split a message the way customers list details: lines, commas, semicolons, dashes, slashes. */
const segmentsOf = (text: string): string[] =>
  text
    .split(/[\n,;،/|]+|\s-\s/)
    .map((s) => s.trim().replace(FILLER, '').trim())
    .filter(Boolean);

const hasAddressWord = (segment: string): boolean => matchTokens(segment).some((w) => ADDRESS_WORDS.has(w));

/** A bare name: one to four words of letters, none of them a known product, place or common word. */
export function looksLikeName(segment: string, commonWord: (w: string) => boolean, options: SlotOptions = {}): boolean {
  if (!/^[\p{L}' -]{2,40}$/u.test(segment)) return false;
  const words = tokens(fold(segment));
  if (words.length === 0 || words.length > 4) return false;
  if (!words.every((w) => !commonWord(w) && !conceptOf(w))) return false;
  // "confirmo", "desculpa": a confirmation or an apology is nobody's name.
  if (words.some((w) => /^(?:confirm|conferm|valid)/.test(w) || CORRECTION_MARKERS.has(w))) return false;
  // "Ana Souza" is a name even though a town is called Souza; "Tizi Ouzou" alone is the place.
  const place = placeSpan(segment, { country: options.country ?? null, expectingAddress: true });
  return !place || place.length < words.length;
}

/**
 * Pull name, phone, wilaya/city, commune and address out of free text. `awaiting` is the slot
 * the bot just asked for: a bare "Amine Benali" is a name only if the bot asked for one, and a
 * city that is also an ordinary word ("Como", "Salé") only counts when the bot asked where.
 */
export function extractSlots(
  text: string,
  awaiting: SlotName[],
  commonWord: (w: string) => boolean,
  options: SlotOptions = {},
): SlotFindings {
  const out: SlotFindings = { consumed: [] };
  const places = { country: options.country ?? null, expectingAddress: awaiting.includes('wilaya') || awaiting.includes('address') };
  const phone = findPhone(text, { country: options.country ?? null });
  let rest = text;
  if (phone) {
    out.phone = phone.phone;
    out.consumed.push(phone.raw);
    rest = rest.replace(phone.raw, ' , ');
  }
  // The place is read before the name is cut out: "smiti Yacine w rani f setif".
  const placeAnywhere = findPlace(rest, places);
  const named = NAME_INTRO.exec(rest) ?? selfIntro(rest, options);
  if (named?.[1]) {
    const name = cleanName(named[1]);
    if (name) out.name = name;
    out.consumed.push(named[0]);
    rest = rest.replace(named[0], ' , ');
  }
  const commune = COMMUNE_INTRO.exec(rest);
  if (commune?.[1]) out.commune = cleanName(commune[1]);
  const addressed = ADDRESS_INTRO.exec(rest);
  if (addressed?.[1]) {
    out.address = addressed[1].trim();
    out.consumed.push(addressed[0]);
    rest = rest.replace(addressed[0], ' , ');
  }
  const place = findPlace(rest, places) ?? placeAnywhere;
  if (place) out.place = place;
  const nameSegment = readSegments(rest, awaiting, commonWord, options, out);
  // "Ana Souza … BH": the town called Souza was the customer's surname; the city is elsewhere or not given.
  if (nameSegment && out.place && placeSpan(nameSegment, { ...places, expectingAddress: true })?.place.name === out.place.name) {
    const elsewhere = findPlace(rest.replace(nameSegment, ' , '), places);
    if (elsewhere) out.place = elsewhere;
    else delete out.place;
  }
  // "Alger, 12 rue Didouche Mourad": a street named after a town; the city is the one said on its own.
  if (out.address && out.place && placeSpan(out.address, { ...places, expectingAddress: true })?.place.name === out.place.name) {
    const elsewhere = findPlace(rest.replace(out.address, ' , ').replace(nameSegment ?? out.address, ' , '), places);
    if (elsewhere) out.place = elsewhere;
  }
  return out;
}

/** A house or block number after words ("ali mendjeli uv 6", "cité 2004 bt 12"), not a count before a product. */
const hasAddressShape = (segment: string): boolean =>
  /\p{L}{2,}[\s\p{L}]*\s\d{1,4}\s*$/u.test(segment.trim()) && findQuantity(segment) === null;

/** Two words or more, one of them a real word (not a filler, a count or Arabizi with digits). */
function looksLikeAddress(segment: string, commonWord: (w: string) => boolean): boolean {
  const words = tokens(fold(segment));
  // "scusa 4 non 3", "smahli nheb 2 machi wa7da": a count or a wish is the order changing, not a street.
  if (words.length < 2 || findQuantity(segment) !== null || hasBuyingVerb(segment)) return false;
  const real = words.filter((w) => /^\p{L}{3,}$/u.test(w) && !commonWord(w));
  return real.length >= (/\d/.test(segment) ? 1 : 2);
}

/** Bare segments: an address line, a name when one was asked for, a house number and words. */
function readSegments(
  rest: string,
  awaiting: SlotName[],
  commonWord: (w: string) => boolean,
  options: SlotOptions,
  out: SlotFindings,
): string | null {
  let nameSegment: string | null = null;
  const places = { country: options.country ?? null, expectingAddress: true };
  for (const segment of segmentsOf(rest)) {
    // "casa" alone is Casablanca, not a house: a segment that is only a place is no address.
    const onlyPlace = (placeSpan(segment, places)?.length ?? 0) >= tokens(fold(segment)).length;
    if (!out.address && hasAddressWord(segment) && /\p{L}{2,}/u.test(segment) && !onlyPlace) {
      out.address = segment;
      out.consumed.push(segment);
      continue;
    }
    if (!out.name && awaiting.includes('name') && looksLikeName(segment, commonWord, options)) {
      out.name = cleanName(segment);
      out.consumed.push(segment);
      nameSegment = segment;
      continue;
    }
    if (out.place && findPlace(segment, places)) {
      // "casa, maarif": the place and a district. In a longer sentence ("vorrei … prosciutto di
      // parma 2 confezioni", "do you deliver to Rome? I'd like the panettone") the other words are
      // the customer's request, read for products.
      const span = placeSpan(segment, places);
      const size = tokens(fold(segment)).length;
      // "oran hai es sabah", "constantine ali mendjeli uv 6": the city, then where in it.
      // (With a house number it is an address even before the bot asked for one.)
      const asked = awaiting.includes('address') || (/\d/.test(segment) && hasAddressShape(segment));
      if (span && size > span.length && !out.address && asked && looksLikeAddress(segment, commonWord)) {
        out.address = segment;
        out.consumed.push(segment);
      } else if (span && size <= span.length + 3) out.consumed.push(segment);
      continue;
    }
    // A segment with a house number and words, when we asked for the address ("3tini 2" is a count, not a street).
    if (!out.address && awaiting.includes('address') && !findPlace(segment, places) && looksLikeAddress(segment, commonWord)) {
      if (!looksLikeName(segment, commonWord, options) || /\d/.test(segment)) {
        out.address = segment;
        out.consumed.push(segment);
      }
    }
  }
  return nameSegment;
}

const SIZE_CONTEXT = /(?:taille|size|tamanho|taglia|pointure|ta9as|t9as|9ias|qias|مقاس|قياس|numero|n°|num)\s*:?\s*([a-z0-9-]{1,5})\b/iu;

/** The product variant the customer names: a size, a colour in any language, or the variant's own words. */
export function findVariant(text: string, product: Product): string | null {
  if (product.variants.length === 0) return null;
  const { words, sized } = readForVariants(text);
  const found: { name: string; at: number }[] = [];
  for (const v of product.variants) {
    const at = variantAt(v.name, text, words, sized);
    if (at >= 0) found.push({ name: v.name, at });
  }
  if (found.length <= 1) return found[0]?.name ?? null;
  // "non plutôt la rouge", "rosso, non nero", "machi k7la, bida": the value after a negation is the one rejected.
  const rejected = (at: number) =>
    NEGATIONS.has(words[at - 1] ?? '') || (NEGATIONS.has(words[at - 2] ?? '') && (words[at - 1] ?? '').length <= 3);
  const kept = found.filter((f) => !rejected(f.at));
  return (kept.length ? kept : found).sort((a, b) => a.at - b.at)[0]?.name ?? null;
}

/** Units as the catalog writes them: "500g" → "500 g", "3 litri" → "3 l", "1,5 litros" → "1,5 l". */
const UNIT_FORMS: Record<string, string> = Object.fromEntries(
  (
    [
      ['l', 'litre litres liter liters litro litri litros lt ltr'],
      ['ml', 'millilitre millilitres milliliter ml'],
      ['g', 'gramme grammes gram grams grammi grammo grama gramas gr grs'],
      ['kg', 'kilo kilos kilogramme kilogrammes kilogram kilograms chilo chili kgs'],
      ['m', 'metre metres meter meters metro metri metros'],
      ['cm', 'centimetre centimetres centimeter centimetri centimetros'],
    ] as const
  ).flatMap(([unit, forms]) => forms.split(' ').map((f) => [f, unit])),
);

function withUnits(words: readonly string[]): string[] {
  return words.flatMap((w) => {
    const glued = /^(\d+(?:[.,]\d+)?)(\p{L}{1,3})$/u.exec(w);
    if (glued?.[1] && glued[2]) return [glued[1], UNIT_FORMS[glued[2]] ?? glued[2]];
    return [UNIT_FORMS[w] ?? w];
  });
}

/**
 * The message as findVariant reads it, kept for the last message: a turn asks about the same
 * message for every product it names, its cart and its candidates. Shared: never changed.
 */
let lastRead: { text: string; words: readonly string[]; sized: string | undefined } | undefined;
function readForVariants(text: string): { words: readonly string[]; sized: string | undefined } {
  if (lastRead?.text !== text) lastRead = { text, words: withUnits(matchTokens(text)), sized: SIZE_CONTEXT.exec(fold(text))?.[1] };
  return lastRead;
}

/** A variant name's own words and folded form, read once per name (sizes and colours repeat across a catalog). */
interface VariantName {
  words: string[];
  single: string;
  folded: string;
  /** A one-letter size written alone ("M", "L"), built on first use. */
  alone?: RegExp;
}
const variantNames = new Map<string, VariantName>();
function variantName(name: string): VariantName {
  let v = variantNames.get(name);
  if (!v) {
    const words = withUnits(matchTokens(name));
    v = { words, single: words.length === 1 ? (words[0] ?? '') : '', folded: fold(name) };
    if (variantNames.size >= 10_000) variantNames.clear();
    variantNames.set(name, v);
  }
  return v;
}

/** Where in the message's words a variant is named (-1: not named). */
function variantAt(name: string, text: string, words: readonly string[], sized: string | undefined): number {
  const v = variantName(name);
  const { words: vWords, single } = v;
  if (sized && v.folded === sized) return Math.max(0, words.indexOf(sized));
  // One letter sizes ("M", "L") only when written as capitals or alone: "m" is too common a letter.
  if (single.length === 1) {
    if ((v.alone ??= new RegExp(`(?:^|[^\\p{L}])${name}(?:$|[^\\p{L}])`, 'u')).test(text) && name === name.toUpperCase())
      return Math.max(0, words.indexOf(single));
    return words.length === 1 && words[0] === single ? 0 : -1;
  }
  // "the classic one" for "classico", "pistachio" for "pistacchio": a near spelling of a long word counts.
  const at = (v: string) =>
    words.findIndex(
      (w) => w === v || (w.length >= 5 && v.length >= 5 && Math.abs(w.length - v.length) <= 2 && (w.startsWith(v) || v.startsWith(w))),
    );
  if (vWords.length > 0 && vWords.every((w) => at(w) >= 0)) return at(vWords[0] ?? '');
  const vc = single ? conceptOf(single) : undefined;
  if (!vc) return -1;
  const listed = words.findIndex((w) => conceptOf(w) === vc);
  return listed >= 0 || !COLOUR_CONCEPTS.has(vc) ? listed : words.findIndex((w) => colourSpelling(w) === vc);
}

/**
 * A size the customer asked for explicitly ("pointure 44", "taille XXL") that the product does
 * not come in, so the answer is an honest "not in that size" rather than a plain "yes".
 */
export function requestedMissingSize(text: string, product: Product): string | null {
  if (product.variants.length === 0) return null;
  const sized = SIZE_CONTEXT.exec(fold(text));
  const asked = sized?.[1];
  if (!asked) return null;
  return product.variants.some((v) => fold(v.name) === asked) ? null : asked.toUpperCase();
}

const colourOf = (word: string): string | undefined => {
  const c = conceptOf(word);
  return c && COLOUR_CONCEPTS.has(c) ? c : undefined;
};

/**
 * A colour the customer asked for ("capacete azul", "كحلة", "rosso") that the product does not
 * come in, as they wrote it: the product has colour variants and none is that colour, and the
 * colour is not part of the product's own name ("Baskets blanches").
 */
function requestedMissingColour(text: string, product: Product): string | null {
  const variantColours = new Set(product.variants.flatMap((v) => matchTokens(v.name).map(colourOf)).filter(Boolean));
  if (variantColours.size === 0) return null;
  const nameColours = new Set([product.name, ...product.altNames].flatMap(matchTokens).map(colourOf).filter(Boolean));
  for (const w of matchTokens(text)) {
    const c = colourOf(w);
    if (c && !variantColours.has(c) && !nameColours.has(c)) return w;
  }
  return null;
}

/** A size or colour asked for that the product does not come in (size first). */
export const requestedMissingVariant = (text: string, product: Product): string | null =>
  requestedMissingSize(text, product) ?? requestedMissingColour(text, product);
