import { fold, tokens } from './normalise';

/**
 * Number words of every language and dialect the shops' customers write, folded. Darija in both
 * scripts (Algerian, Moroccan, Tunisian forms), Arabic, French, English, Portuguese, Italian.
 */
const NUMBER_WORDS_RAW: Record<number, string> = {
  1: 'un une one um uma uno wahed wa7ed wahda wa7da wehed we7ed واحد واحده وحده',
  2: 'deux two dois duas due zouj zoudj jouj joj juj zouz zoz jouja زوج جوج زوز اثنين اثنان جوجه',
  3: 'trois three tres três tre tlata tleta tlatha thletha تلاته ثلاثه تلاثه ثلاث',
  4: 'quatre four quatro quattro arba3a arb3a reb3a rab3a arbaa اربعه ربعه',
  5: 'cinq five cinco cinque khamsa 5amsa khemsa خمسه',
  6: 'six seis sei setta sitta 6 ستة سته',
  7: 'sept seven sete sette seb3a sab3a سبعه',
  8: 'huit eight oito otto tmenya tmanya ثمانيه تمنيه',
  9: 'neuf nine nove tes3a tis3a تسعه',
  10: 'dix ten dez dieci 3achra 3ashra عشره',
  12: 'douze twelve doze dodici',
};

const NUMBER_WORDS = new Map<string, number>();
for (const [n, list] of Object.entries(NUMBER_WORDS_RAW))
  for (const w of list.split(/\s+/)) if (!/^\d+$/.test(w)) NUMBER_WORDS.set(fold(w), Number(n));

/** What may follow a count: units of sale ("2 pcs", "3 habat", "x2"). */
const UNIT =
  /^(?:x|pcs?|pieces?|pièces?|unites?|unités?|units?|unidades?|pezzi|pz|habat|hbat|7abat|7bat|حبات|حبه|قطع|قطعه|wa7da|wahda|fois|times|vezes|volte|boites?|boxes?|caixas?|scatole?|flacons?|frascos?|paquets?)$/;
/** What makes a number something else: a size, a measure, a time, a price. */
const NOT_A_COUNT_AFTER =
  /^(?:ml|cl|l|g|gr|kg|mg|cm|mm|m|km|w|v|mah|gb|go|litres?|liters?|litros?|litri|litro|lt|grammes?|grams?|grammi|gramas?|kilos?|chili|metres?|meters?|metri|metros?|watts?|volts?|pollici|inch(?:es)?|polegadas?|pouces?|ans?|anos?|years?|jours?|days?|dias?|giorni|mois|months?|h|heures?|hours?|horas?|ore|min|da|dzd|dh|mad|dt|tnd|eur|euros?|€|reais|brl|persone|pessoas|personnes|people|fps|%|ta3|dyal)$/;
const SIZE_BEFORE = /^(?:taille|size|tamanho|taglia|pointure|numero|num|n|t|mqas|9ias|qias|مقاس|قياس|fps|spf|w|wilaya)$/;
/** Verbs and fillers around a bare count ("3tini 2", "je veux 3", "manda 2", "quero duas"). */
const COUNT_CONTEXT = new Set(
  `3tini atini a3tini 3tih dirli diri dir hat jib jibli nheb bghit bghina n7eb nchri je veux voudrais mets mettez mettre prends prend prendre donne donnez
   give me want i'll ill take make it instead plutot plutôt non no finalement en fait actually quero queria manda mande põe poe coloca voglio vorrei metti mandami prendo
   فقط غير بغيت نحب عطيني اعطيني زيدني ok oui yes sim si wakha ih ah ey please svp stp pf per favore por favor only just seulement juste`
    .split(/\s+/)
    .map(fold),
);

const COUNT_VERBS = new Set(
  '3tini atini a3tini dirli hat jib jibli bghit nheb n7eb veux voudrais mets mettez prends donne give want take quero queria manda mande poe voglio vorrei metti mandami prendo عطيني اعطيني بغيت نحب زيدني nchri nakhod ncommandi'
    .split(/\s+/)
    .map(fold),
);

const countAt = (words: string[], i: number): number | null => {
  const w = words[i] ?? '';
  if (/^\d{1,2}$/.test(w)) return Number(w);
  const x = /^x(\d{1,2})$/.exec(w) ?? /^(\d{1,2})x$/.exec(w);
  if (x) return Number(x[1]);
  return NUMBER_WORDS.get(w) ?? null;
};

/**
 * How many the customer wants, when they say so: "2 sacs", "x3", "zouj", "deux robes", "3tini 2",
 * "quero duas", "ne voglio tre", "جوج". Sizes ("taille 2", "pointure 41"), measures ("100 ml"),
 * prices and numbers that are a variant's own name are not counts.
 */
export function findQuantity(text: string, variantNames: readonly string[] = []): number | null {
  const words = tokens(fold(text));
  const variants = new Set(variantNames.map((v) => fold(v)));
  const corrected = correctedCount(words, variants);
  if (corrected !== null) return corrected;
  // "desculpa, são 3", "sorry, make it 4": after a correction word, the one plain number is the count.
  if (words.some((w) => CORRECTION_MARKERS.has(w))) {
    const plain = words.flatMap((w, i) =>
      /^\d{1,2}$/.test(w) && !NOT_A_COUNT_AFTER.test(words[i + 1] ?? '') && !SIZE_BEFORE.test(words[i - 1] ?? '') && !variants.has(w)
        ? [Number(w)]
        : [],
    );
    const only = plain[0];
    if (plain.length === 1 && only !== undefined && only > 0 && only <= 50) return only;
  }
  for (let i = 0; i < words.length; i++) {
    const n = countAt(words, i);
    if (n === null || n <= 0 || n > 50) continue;
    const w = words[i] ?? '';
    const next = words[i + 1] ?? '';
    const prev = words[i - 1] ?? '';
    // "bghit 2 dyal 500g": after a verb of wanting, "2 of" is a count ("500 dyal" alone is not).
    const ofAfterVerb = COUNT_VERBS.has(prev) && /^(?:ta3|dyal|de|di)$/.test(next);
    if (variants.has(w) || SIZE_BEFORE.test(prev) || (NOT_A_COUNT_AFTER.test(next) && !ofAfterVerb)) continue;
    const isWord = !/\d/.test(w);
    // "un/une/um/uno" are articles far more often than counts: only with a unit.
    if (isWord && n === 1 && !UNIT.test(next)) continue;
    if (UNIT.test(next) || /^x/.test(w) || /x$/.test(w)) return n;
    if (isWord) return n;
    // Right after a verb of giving or wanting: "manda 3", "3tini 2", "je veux 2 de plus".
    if (COUNT_VERBS.has(prev)) return n;
    // "2 of them", "3 di questi", "2 de ceux-là".
    if (/^(?:of|de|di|dos|das|des|dyal|ta3)$/.test(next) && PRONOUNS.test(words[i + 2] ?? '')) return n;
    // A digit: before a product word ("2 robes"), or alone with the verbs and fillers of a count.
    if (/^\p{L}{3,}$/u.test(next) && !COUNT_CONTEXT.has(next)) return n;
    const others = words.filter((_, j) => j !== i);
    if (others.every((o) => COUNT_CONTEXT.has(o) || o.length <= 2)) return n;
  }
  return null;
}

const PRONOUNS =
  /^(?:them|those|these|it|ca|cela|ceux|celles|eux|elles|questi|queste|quelli|quelle|esses|essas|estes|estas|isso|hadou|hadok|hado|hadik|dok)$/;

/** Words that announce a correction: "desculpa, são 3", "scusa", "smahli", "en fait", "actually". */
export const CORRECTION_MARKERS = new Set(
  'desculpa desculpe perdao scusa scusate scusami pardon pardonnez sorry smhli smahli sma7li smahlia smhlia samhni samhini samahni enfait finalement actually instead plutot invece anzi verdade vdd عفوا سامحني سمحلي'
    .split(/\s+/)
    .map(fold),
);

/** Words that reject what follows: "4 non 3", "jouj machi wahed", "not 3", "ماشي واحد". */
export const NEGATIONS = new Set('non no not pas nope machi mashi mochi mouch mech mch nao ماشي مشي مش موش لا ليس'.split(/\s+/).map(fold));

/**
 * A correction names two counts and rejects one: "scusa 4 non 3", "jouj machi wahed", "not 2, 3".
 * The count right after a negation is the rejected one; the other is what the customer wants.
 * Null when the message is no such correction (one count or none, no negation before a count).
 */
function correctedCount(words: string[], variants: ReadonlySet<string>): number | null {
  const counts: { i: number; n: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const n = countAt(words, i);
    if (n === null || n <= 0 || n > 50) continue;
    if (variants.has(words[i] ?? '') || SIZE_BEFORE.test(words[i - 1] ?? '') || NOT_A_COUNT_AFTER.test(words[i + 1] ?? '')) continue;
    counts.push({ i, n });
  }
  if (counts.length < 2) return null;
  const rejected = (i: number) => NEGATIONS.has(words[i - 1] ?? '') || (NEGATIONS.has(words[i - 2] ?? '') && !countAt(words, i - 1));
  const kept = counts.filter((c) => !rejected(c.i));
  return kept.length > 0 && kept.length < counts.length ? (kept[0]?.n ?? null) : null;
}

/** Whether the message says "I want / give me / send" in any language: with a count, that is an order. */
export const hasBuyingVerb = (text: string): boolean => tokens(fold(text)).some((w) => COUNT_VERBS.has(w) || withObject(w));

/** Darija glues the object to the verb: "bghito" (I want it), "bghitha", "n7ebou", "3tihouli", "jibhom". */
const OBJECT_SUFFIX = /^(.{3,}?)(?:o|ou|u|ha|hom|houm|hum|h|hali|holi|houli|hli|li)$/;
function withObject(word: string): boolean {
  const m = OBJECT_SUFFIX.exec(word);
  const stem = m?.[1];
  return stem !== undefined && stem.length >= 3 && /[\p{L}\d]/u.test(stem) && COUNT_VERBS.has(stem) && /^[a-z0-9]+$/.test(word);
}

/** The text without "2 scatole", "3 boites", "x2": a unit of sale is no product word ("scatola" is in a product's name). */
export const withoutCounts = (text: string): string =>
  text.replace(
    /(?:\b\d{1,2}|\bx\d{1,2})\s*(?:x|pcs?|pi[eè]ces?|unit[eé]s?|units?|unidades?|pezzi|pz|habat|hbat|7abat|7bat|fois|times|vezes|volte|bo[iî]tes?|boxes?|caixas?|scatol[ae]|flacons?|frascos?|paquets?|pacotes?|confezioni|confezione)\b/giu,
    ' ',
  );
