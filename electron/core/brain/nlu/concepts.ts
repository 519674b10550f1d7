import { fold, stripArabicArticle, tokens } from './normalise';

/**
 * Words for the same thing across the shop's languages, so "red dress", "robe rouge",
 * "الفستان الأحمر" and "fostan 7mar" meet on the same concepts. Folded at load. Colours are
 * concepts too: they pick the product and the variant.
 */
const RAW: Record<string, string> = {
  dress: 'robe robes dress dresses vestido vestidos vestito vestiti abito فستان فساتين fostan fustan fosstan keswa kaswa كسوة كسوه',
  traditional_dress:
    'caftan caftans kaftan qaftan takchita karakou djellaba jellaba jelaba jebba jeba gandoura abaya قفطان تكشيطة كاراكو جلابة جبة عباية قندورة',
  bag: 'sac sacs bag bags handbag purse bolsa bolsas borsa borse sacoche شنطة شنطه حقيبة حقيبه صاك ساك sak chanta chenta sack',
  backpack: 'backpack cartable mochila zaino كارطابل cartabl',
  shoes:
    'chaussure chaussures shoe shoes sneaker sneakers basket baskets tennis tenis tênis sapato sapatos scarpe scarpa sbadri spadri sebadri سبادري صباط sabbat sebbat sbabet sbabt sbabit sbat',
  sandals: 'sandale sandales sandal sandals sandalia sandalias sandalo sandali صندالة صندالة sandala',
  perfume: 'parfum parfums perfume perfumes profumo عطر عطور 3tr 3otr 3atr ri7a riha ريحة',
  cream: 'creme crème cream creams crema كريم krem krema',
  watch: 'montre montres watch watches relogio relógio orologio ساعة ساعه mongela mengala منقالة منقاله sa3a',
  scarf: 'foulard foulards scarf scarves lenco lenço sciarpa foulard وشاح hijab khimar فولار',
  baby: 'bebe bébé baby babies bebê neonato رضيع بيبي bebe',
  set: 'ensemble set conjunto completo طقم',
  box: 'coffret box gift caixa kit confezione علبة',
  course: 'cours course courses curso cursos corso formation دورة',
  ebook: 'ebook e-book livre livro libro book كتاب',
  mentoring: 'mentoria mentorat mentoring coaching mentorship',
  planner: 'planner agenda planificateur planejador',
  leather: 'cuir leather couro pelle جلد jeld',
  silk: 'soie silk seda seta حرير 7rir',
  cotton: 'coton cotton algodao cotone قطن',
  summer: 'ete été summer verao verão estate صيفي sif sifi',
  floral: 'fleurie fleuri fleurs floral flowered florido fiorito مورد mwared mnawar',
  evening: 'soiree soirée evening party gala festa سهرة sahra',
  kabyle: 'kabyle kabyles قبائلي قبائلية qbayli kbayli',
  men: 'homme hommes men man mens masculino uomo رجالي rjali rjel',
  women: 'femme femmes women woman womens feminino donna نسائي nsa',
  red: 'rouge red vermelho vermelha rosso rossa أحمر احمر حمراء حمرا حمرة 7mar hmar 7amra hamra 7mer',
  black: 'noir noire black preto preta nero nera أسود اسود سوداء سودا كحلة كحل k7al k7la kahla kahel khal',
  white: 'blanc blanche white branco branca bianco bianca أبيض ابيض بيضاء بيضا byed bida abyad bayda',
  blue: 'bleu bleue blue azul blu أزرق ازرق زرقاء زرقا zre9 zar9a zreq zar9',
  pink: 'rose pink rosa وردي rouz roz',
  gold: 'dore dorée dorée doree golden gold dourado dourada dorato ذهبي dahbi dhabi',
  beige: 'beige بيج',
  bordeaux: 'bordeaux burgundy bordo bordò',
  green: 'vert verte green verde أخضر خضراء khdar khadra',
  brown: 'marron brown marrom marrone بني',
  grey: 'gris grise grey gray cinza grigio رمادي',
};

const WORD_TO_CONCEPT = new Map<string, string>();
for (const [concept, list] of Object.entries(RAW)) {
  for (const w of list.split(/\s+/)) {
    for (const t of tokens(fold(w))) WORD_TO_CONCEPT.set(stripArabicArticle(t), concept);
  }
}

/**
 * Darija in Latin letters spells one word many ways ("abyad", "abyedh", "byed"; "k7la", "ka7la"):
 * its consonant skeleton (vowels dropped, "dh"/"th"/"ou" simplified) finds the concept when the
 * spelling itself is not listed. Only Arabizi-looking words of four letters or more, only
 * skeletons of three consonants or more, and only skeletons that one concept owns.
 */
const COLOUR_SET = new Set(['red', 'black', 'white', 'blue', 'pink', 'gold', 'beige', 'bordeaux', 'green', 'brown', 'grey']);
export const COLOUR_CONCEPTS: ReadonlySet<string> = COLOUR_SET;

const skeleton = (w: string): string =>
  w
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/kh/g, '5')
    .replace(/[aeiou]/g, '')
    .replace(/(.)\1+/g, '$1');
const BY_SKELETON = new Map<string, string | null>();
for (const [w, concept] of WORD_TO_CONCEPT) {
  if (!/^[a-z0-9]+$/.test(w) || w.length < 4 || !COLOUR_SET.has(concept)) continue;
  const k = skeleton(w);
  if (k.length < 3) continue;
  const had = BY_SKELETON.get(k);
  BY_SKELETON.set(k, had === undefined || had === concept ? concept : null);
}

/** The concept a folded word stands for ("7mar" → red), if any. Plural "-s" is tolerated. */
export function conceptOf(word: string): string | undefined {
  return WORD_TO_CONCEPT.get(word) ?? (word.length > 3 && word.endsWith('s') ? WORD_TO_CONCEPT.get(word.slice(0, -1)) : undefined);
}

/**
 * A colour for a word, listed or by its Arabizi skeleton ("abyedh" → white). Only where a colour
 * is expected (the product has colour variants): elsewhere a skeleton matches names ("Karim").
 */
export function colourSpelling(word: string): string | undefined {
  const listed = conceptOf(word);
  if (listed) return COLOUR_SET.has(listed) ? listed : undefined;
  if (word.length < 4 || !/^[a-z0-9]+$/.test(word)) return undefined;
  return BY_SKELETON.get(skeleton(word)) ?? undefined;
}

export const conceptsIn = (words: readonly string[]): Set<string> => {
  const out = new Set<string>();
  for (const w of words) {
    const c = conceptOf(w);
    if (c) out.add(c);
  }
  return out;
};
