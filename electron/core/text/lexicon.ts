import { withoutLatinArticle } from './fold';
import { normaliseToken, tokenise } from './normalise';

/**
 * A small cross-language lexicon of what shops sell and how customers describe it: product nouns,
 * colours, materials and audiences in English, French, Portuguese, Italian, Arabic, Darija (Arabic
 * script and Latin letters). Retrieval tags each product with the concepts its own words express and
 * each query with the concepts the customer's words express; a shared concept is a match even when
 * no word is shared ("oud perfume gift box" → "Coffret parfum oud"). Generic on purpose: fashion,
 * cosmetics, electronics, home, food, flowers, bikes, pets and digital products, not one shop's catalog.
 *
 * This is the one concept table: catalog search documents, retrieval queries, the NLU (product
 * matching, colours of variants) and the place filter read it. It is only the bridge between
 * languages: the shop's own catalog (names, aliases, categories, variants) is matched first, so a
 * shop in a vertical this table does not know still works for the words its catalog uses.
 */
const CONCEPTS: Readonly<Record<string, string>> = {
  // Clothing
  dress:
    'dress dresses gown vestido vestidos vestito vestiti abito robe robes fostan fustan fosstan fistan fsatan keswa kswa kaswa فستان فساتين كسوة كسوه روبة',
  traditional_dress:
    'caftan caftans kaftan qaftan takchita karakou djellaba jellaba jelaba jebba jeba gandoura abaya قفطان تكشيطة كاراكو جلابة جبة عباية قندورة',
  shirt: 'shirt chemise camisa camicia blouse blusa chemisier قميص سورية souriya',
  tshirt: 't-shirt tshirt tee teeshirt camiseta maglietta tricot تيشيرت تيشرت تريكو',
  trousers: 'trousers pants pantalon calça calca pantaloni jeans jean serwal sarwal سروال بنطلون جينز',
  jacket: 'jacket veste blouson casaco jaqueta giacca giubbotto coat manteau kabbot jakita جاكيت فيستة معطف كبوط',
  skirt: 'skirt jupe saia gonna jupa تنورة جيب',
  scarf: 'scarf scarves foulard foulards hijab khimar echarpe écharpe lenço lenco sciarpa shawl chal وشاح خمار حجاب فولار شال',
  suit: 'set ensemble conjunto completo tenue طقم',
  // Footwear, bags, accessories
  shoes:
    'shoes shoe sneakers sneaker trainers baskets basket chaussures chaussure tennis tenis tênis zapatos zapatillas sapato sapatos sapatilha scarpe scarpa sbadri spadri sebadri sbardina sabat sabbat sebbat sbabet sbabt sbabit sbat صباط سبادري سبرديلة حذاء احذية',
  sandals: 'sandals sandal sandale sandales sandalia sandalias sandália sandalo sandali sandala claquette tongs chinelo صندل صندالة شلاكة',
  heels: 'heels talons escarpins salto tacchi كعب',
  bag: 'bag bags handbag purse tote sac sacs sacoche bolsa bolsas bolso cartera borsa borse borsetta sak saq sack chanta chenta شنطة شنطه حقيبة حقيبه صاك ساك',
  backpack: 'backpack rucksack sac-a-dos mochila zaino cartable kartabl cartabl كارطابل محفظة',
  wallet: 'wallet portefeuille carteira portafoglio bzitam بزطام',
  watch:
    'watch watches montre montres reloj relogio relógio orologio mongela mengala magana manguela montra sa3a ساعة ساعه منقالة منقاله مقانة smartwatch',
  jewellery:
    'jewelry jewellery bijou bijoux joia joias gioielli collier necklace colar collana bague ring anel anello bracelet pulseira bracciale boucles earrings brincos orecchini خاتم قلادة اسورة حلق مجوهرات',
  glasses: 'glasses sunglasses lunettes oculos óculos occhiali ndader نظارات',
  // Beauty
  perfume: 'perfume perfumes parfum parfums perfum fragrance cologne profumo eau 3tr 3otr 3atr 3itr 3ater atr riha ri7a عطر عطور ريحة',
  cream: 'cream creams creme crème krem krema crema creme-hidratante moisturizer moisturiser lotion hidratante idratante كريم كريمة مرطب',
  oil: 'oil huile oleo óleo olio zit zite زيت',
  makeup: 'makeup maquillage maquiagem trucco lipstick rouge-a-levres batom rossetto mascara fond-de-teint foundation مكياج احمر-شفاه روج',
  soap: 'soap savon sabonete sapone saboun صابون',
  shampoo: 'shampoo shampoing shampooing xampu شامبو',
  // Kids
  baby: 'baby babies bebe bébé bebê bambino neonato enfant kids children infantil criança crianca رضيع بيبي طفل اطفال',
  toy: 'toy toys jouet jouets brinquedo giocattolo لعبة العاب',
  // Electronics and phone repair
  phone:
    'phone smartphone telephone téléphone portable mobile celular telefone telemovel telefono cellulare tilifon portabl هاتف تلفون تليفون بورطابل جوال',
  charger: 'charger chargeur carregador caricabatterie caricatore charjour char9our شاحن شارجور',
  cable: 'cable câble cabo cavo fil كابل',
  headphones: 'headphones earphones earbuds headset ecouteurs écouteurs casque fone fones auricolari cuffie kitman سماعات',
  speaker: 'speaker speakers enceinte baffle haut-parleur caixa-de-som altoparlante cassa-bluetooth بافل مكبر-صوت',
  computer: 'laptop computer ordinateur pc notebook computador portatile حاسوب كمبيوتر',
  tablet: 'tablet tablette tablete تابلت',
  screen: 'screen ecran écran tela ecra ecrã schermo display afficheur شاشة chacha',
  battery: 'battery batterie bateria batteria batri بطارية باتري',
  phone_case: 'case coque capa capinha cover custodia cover-case كفر جراب',
  screen_protector: 'screen-protector protege-ecran verre-trempe pelicula película vetro-temperato glass-protector',
  repair:
    'repair repairs reparation réparation reparer réparer conserto consertar reparo riparazione riparare tesli7 sla7 تصليح اصلاح صيانة',
  // Home and furniture
  mug: 'mug cup tasse caneca xicara xícara tazza fenjal kas فنجان كاس كوب',
  table: 'table tables mesa mesas tavolo tavoli tabla tabla طاولة طابلة مائدة',
  chair: 'chair chairs chaise chaises cadeira cadeiras sedia sedie korsi كرسي كراسي',
  sofa: 'sofa sofá canape canapé divano salon sedari seddari fauteuil armchair poltrona صالون سداري كنبة',
  bed: 'bed lit cama letto srir سرير',
  wardrobe: 'wardrobe armoire placard guarda-roupa armadio dolab خزانة دولاب',
  mattress: 'mattress matelas colchao colchão materasso matela ماطلة فراش',
  cushion: 'cushion coussin almofada cuscino mkhadda مخدة وسادة',
  carpet: 'carpet rug tapis tapete tappeto zerbia zarbiya زربية سجاد',
  lamp: 'lamp lampe luminaire candeeiro luminaria luminária lampada lampara ثريا مصباح',
  mirror: 'mirror miroir espelho specchio mraya مراية مرآة',
  shelf: 'shelf shelves etagere étagère estante prateleira mensola scaffale رف',
  // Food and bakery
  bread: 'bread pain pao pão pane khobz kesra خبز كسرة',
  cake: 'cake cakes gateau gâteau gateaux bolo bolos torta torte dolce kika كيكة كعكة تورتة',
  pastry: 'pastry pastries patisserie pâtisserie doces pasticceria pasticcini halwa 7alwa حلويات حلوة',
  croissant: 'croissant croissants cornetto cornetti kornwa',
  almond: 'almond almonds amande amandes amendoa amêndoa mandorla mandorle louz لوز',
  honey: 'honey miel mel miele 3sel asel عسل',
  chocolate: 'chocolate chocolat cioccolato cioccolata choco شوكولا شوكولاطة',
  dates: 'dates dattes tamaras tâmaras datteri tmar تمر',
  cheese: 'cheese fromage queijo formaggio jben جبن',
  coffee: 'coffee cafe café caffe caffè kahwa qahwa قهوة',
  tea: 'tea chá cha chai tè atay اتاي شاي',
  birthday: 'birthday anniversaire aniversario aniversário compleanno عيد-ميلاد',
  // Flowers and events
  flowers: 'flower flowers fleur fleurs flor flores fiore fiori nwar nouar wrad ورد نوار ازهار زهور',
  bouquet: 'bouquet bouquets mazzo buque buquê ramo ramalhete باقة بوكيه',
  plant: 'plant plants plante plantes planta plantas pianta piante نبتة نباتات',
  vase: 'vase vaso vasi jarro مزهرية',
  wedding: 'wedding mariage casamento matrimonio nozze sposa spose noiva noivas mariee mariée bride 3ers 3roussa عرس زفاف عروس عروسة',
  dining: 'dining a-manger salle-a-manger makla jantar sala-de-jantar pranzo da-pranzo ماكلة اكل',
  // Bikes
  bike: 'bike bikes bicycle velo vélo velos bicyclette bicicleta bicicletas bici bicicletta bechkleta bchkleta بشكليطة دراجة',
  electric: 'electric electrique électrique eletrica elétrica eletrico elétrico elettrica elettrico e-bike كهربائي كهربائية',
  helmet: 'helmet casque capacete casco خوذة',
  tyre: 'tyre tire tyres tires pneu pneus pneumatico gomma عجلة',
  inner_tube: 'inner-tube chambre-a-air camara-de-ar câmara-de-ar camera-d-aria',
  brake: 'brake brakes frein freins travao travão freio freios freno freni فرامل',
  saddle: 'saddle selle selim sella',
  // Pets
  dog: 'dog dogs chien chiens cao cão caes cães cachorro cachorros cane cani kelb klab كلب كلاب',
  cat: 'cat cats chat chats gato gatos gatto gatti qett qotta قط قطة',
  pet_food: 'kibble croquettes racao ração crocchette dog-food cat-food',
  cat_tree: 'cat-tree cat-tower arbre-a-chat griffoir arranhador tiragraffi',
  collar: 'collar collier coleira collare',
  // Gifts and packaging
  gift_box: 'gift-box gift-set giftbox box coffret coffret-cadeau cadeau gift present presente regalo kit caixa confezione هدية علبة كوفري',
  // Digital products
  course: 'course courses curso cursos cours formation formacion corso training class masterclass dawra دورة تكوين كورس',
  ebook: 'ebook e-book livre-numerique livro-digital libro-digitale book livre livro libro apostila guide guia guida pdf كتاب',
  mentoring: 'mentoring mentorship mentoria mentorat coaching consultoria accompagnement مرافقة كوتشينغ',
  spreadsheet: 'spreadsheet planilha tableur foglio excel planner planejador agenda planificateur',
  template: 'template modele modelo modello canva قالب',
  // Sizes said in words (not size letters)
  big: 'big large grand grande grands grandes gros grosse grosso grossa maior kbir kbira lkbir lkbira كبير كبيرة',
  small: 'small petit petite petits pequeno pequena piccolo piccola sghir sghira sghira صغير صغيرة',
  // Colours
  red: 'red rouge rouges rojo roja vermelho vermelha rosso rossa rosse hmar 7mar 7mer ahmar 7amra hamra احمر حمراء حمرا حمرة',
  black: 'black noir noire noirs negro negra preto preta nero nera khal k7al k7el k7la kahla kahel aswad sawda اسود سوداء سودا كحل كحلة',
  white: 'white blanc blanche blancs blanco blanca branco branca bianco bianca bianche byed bida abyad beida bayda ابيض بيضاء بيضا بيض',
  blue: 'blue bleu bleue azul blu zreg zra9 zre9 zreq zar9 zar9a azraq زرق ازرق زرقاء زرقا',
  green: 'green vert verte verde khdar akhdar 5dar khadra اخضر خضراء خضر',
  pink: 'pink rose rosa wardi rouz roz وردي روز',
  gold: 'gold golden doré dorée doree dourado dourada oro dorato dhabi dahbi ذهبي ذهبية',
  silver: 'silver argent argente argenté prata prateado argento argentato fedhi fidi فضي فضية',
  brown: 'brown marron marrom castanho marrone qahwi قهوي بني',
  beige: 'beige bej بيج',
  bordeaux: 'bordeaux burgundy bordo bordò',
  grey: 'gris grise grey gray cinza grigio رمادي',
  yellow: 'yellow jaune amarelo amarela giallo gialla sfer asfar safra صفر اصفر صفراء',
  orange: 'orange laranja arancione orangé limouni برتقالي',
  purple: 'purple violet violette roxo roxa viola mauve banafsaji بنفسجي موف',
  // Materials, scents and audiences
  leather: 'leather cuir couro cuero pelle jeld جلد',
  silk: 'silk soie seda seta harir 7rir حرير',
  cotton: 'cotton coton algodao algodão cotone qoton قطن',
  wood: 'wood wooden bois madeira legno khachab khochb خشب',
  metal: 'metal métal fer iron ferro aco aço hdid حديد',
  glass: 'verre vidro vetro zjaj زجاج',
  brass: 'brass copper cuivre laiton latao latão cobre ottone rame nhas نحاس',
  floral: 'fleurie fleuri floral flowered florido fiorito mwared mnawar مورد',
  vanilla: 'vanilla vanille baunilha vaniglia فانيليا',
  musk: 'musk musc almiscar muschio mesk misk مسك',
  jasmine: 'jasmine jasmin jasmim gelsomino yasmin yasmine ياسمين',
  lavender: 'lavender lavande lavanda خزامى',
  kabyle: 'kabyle kabyles قبائلي قبائلية qbayli kbayli',
  men: 'men man mens male homme hommes hombre homens masculino uomo rjal rajel rjali rjel رجالي رجال',
  women: 'women woman womens female femme femmes mujer mulher feminino donna nsa nisa نسائي نساء',
  summer: 'summer ete été verao verão estate sif sifi sayf صيفي صيف',
  evening: 'evening party soiree soirée gala festa sera sahra سهرة',
};

/** The concepts that are colours: they pick a variant as well as a product, and weigh less in matching. */
export const COLOUR_CONCEPTS: ReadonlySet<string> = new Set([
  'red',
  'black',
  'white',
  'blue',
  'green',
  'pink',
  'gold',
  'silver',
  'brown',
  'beige',
  'bordeaux',
  'grey',
  'yellow',
  'orange',
  'purple',
]);

/** Canonical token sequences → concept ids. Multi-word forms are written with "-" and match as phrases. */
export interface Lexicon {
  /** Concept ids expressed by a canonical token list (phrases up to three tokens). */
  conceptsOf(tokens: readonly string[]): Set<string>;
  /** Concept ids of exactly this phrase (canonical tokens), if the lexicon knows it. */
  phrase(tokens: readonly string[]): ReadonlySet<string> | undefined;
  /** Every canonical surface form of a concept (for tests and explanations). */
  formsOf(concept: string): string[][];
}

export function makeLexicon(concepts: Readonly<Record<string, string>> = CONCEPTS): Lexicon {
  const byPhrase = new Map<string, Set<string>>();
  const forms = new Map<string, string[][]>();
  for (const [concept, list] of Object.entries(concepts)) {
    for (const raw of list.split(/\s+/).filter(Boolean)) {
      const tokens = tokenise(raw.replace(/-/g, ' '));
      if (tokens.length === 0) continue;
      const key = tokens.join(' ');
      const set = byPhrase.get(key) ?? new Set<string>();
      set.add(concept);
      byPhrase.set(key, set);
      forms.set(concept, [...(forms.get(concept) ?? []), tokens]);
    }
  }
  return {
    conceptsOf(tokens) {
      const found = new Set<string>();
      for (let i = 0; i < tokens.length; i++) {
        for (let n = 1; n <= 3 && i + n <= tokens.length; n++) {
          const hit = byPhrase.get(tokens.slice(i, i + n).join(' '));
          if (hit) for (const c of hit) found.add(c);
        }
      }
      return found;
    },
    phrase: (tokens) => byPhrase.get(tokens.join(' ')),
    formsOf: (concept) => forms.get(concept) ?? [],
  };
}

/**
 * A short fingerprint of the concept table and of the tokeniser's output on it: search documents
 * carry it, so documents written with an older table are known and rewritten. Computed on first use (it tokenises
 * the whole table, ~20 ms), not while core starts.
 */
let version: string | undefined;
export const lexiconVersion = (): string => (version ??= fingerprint());

function fingerprint(): string {
  const text = Object.entries(CONCEPTS)
    .map(([k, v]) => `${k}:${tokenise(v.replace(/-/g, ' ')).join(' ')}`)
    .join('|');
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

let builtIn: Lexicon | undefined;
const built = (): Lexicon => (builtIn ??= makeLexicon());

/**
 * The built-in lexicon, built once per process on its first use (it tokenises the whole concept table, ~50 ms of
 * core's start otherwise); immutable after construction.
 */
export const defaultLexicon: Lexicon = {
  conceptsOf: (tokens) => built().conceptsOf(tokens),
  phrase: (tokens) => built().phrase(tokens),
  formsOf: (concept) => built().formsOf(concept),
};

/** The concepts one word stands for ("7mar" → red, "casque" → headphones and helmet), whatever its folding. */
export function conceptsOfWord(word: string): ReadonlySet<string> {
  const listed = defaultLexicon.phrase([normaliseToken(word)]);
  if (listed) return listed;
  // "lkbira", "l3ers": Darija's glued article.
  const bare = withoutLatinArticle(word);
  return (bare && defaultLexicon.phrase([normaliseToken(bare)])) || NONE;
}
const NONE: ReadonlySet<string> = new Set();

/** The first concept of a word, if any (the NLU's question "is this word a product noun, a colour…?"). */
export function conceptOf(word: string): string | undefined {
  for (const c of conceptsOfWord(word)) return c;
  return undefined;
}

/**
 * Darija in Latin letters spells one word many ways ("abyad", "abyedh", "byed"; "k7la", "ka7la"):
 * its consonant skeleton (vowels dropped, "dh"/"th"/"kh" simplified) finds the colour when the
 * spelling itself is not listed. Only Arabizi-looking words of four letters or more, only
 * skeletons of three consonants or more, and only skeletons that one colour owns.
 */
const skeleton = (w: string): string =>
  w
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/kh/g, '5')
    .replace(/[aeiou]/g, '')
    .replace(/(.)\1+/g, '$1');
/** Built on first use: it reads the built-in lexicon, which is not built while core starts. */
let colourBySkeleton: Map<string, string | null> | undefined;
function colourSkeletons(): Map<string, string | null> {
  if (colourBySkeleton) return colourBySkeleton;
  const bySkeleton = new Map<string, string | null>();
  for (const colour of COLOUR_CONCEPTS) {
    for (const form of defaultLexicon.formsOf(colour)) {
      const w = form.length === 1 ? (form[0] ?? '') : '';
      if (!/^[a-z0-9]+$/.test(w) || w.length < 4) continue;
      const k = skeleton(w);
      if (k.length < 3) continue;
      const had = bySkeleton.get(k);
      bySkeleton.set(k, had === undefined || had === colour ? colour : null);
    }
  }
  return (colourBySkeleton = bySkeleton);
}

/**
 * A colour for a word, listed or by its Arabizi skeleton ("abyedh" → white). Only where a colour
 * is expected (the product has colour variants): elsewhere a skeleton matches names ("Karim").
 */
export function colourSpelling(word: string): string | undefined {
  for (const c of conceptsOfWord(word)) if (COLOUR_CONCEPTS.has(c)) return c;
  if (conceptOf(word)) return undefined;
  const w = normaliseToken(word);
  if (w.length < 4 || !/^[a-z0-9]+$/.test(w)) return undefined;
  return colourSkeletons().get(skeleton(w)) ?? undefined;
}
