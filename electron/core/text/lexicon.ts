import { tokenise } from './normalise';

/**
 * A small cross-language lexicon of what shops sell and how customers describe it: product nouns,
 * colours, materials and audiences in English, French, Portuguese, Italian, Arabic, Darija (Arabic
 * script and Latin letters). Retrieval tags each product with the concepts its own words express and
 * each query with the concepts the customer's words express; a shared concept is a match even when
 * no word is shared ("oud perfume gift box" → "Coffret parfum oud"). Generic on purpose: fashion,
 * cosmetics, electronics, home and digital products, not one shop's catalog.
 */
const CONCEPTS: Readonly<Record<string, string>> = {
  // Clothing
  dress: 'dress gown vestido vestito abito robe fostan fustan fistan fsatan keswa kswa فستان فساتين كسوة كسوه روبة',
  traditional_dress: 'caftan kaftan takchita karakou djellaba jellaba jebba jeba gandoura abaya قفطان تكشيطة كاراكو جلابة جبة عباية قندورة',
  shirt: 'shirt chemise camisa camicia blouse blusa chemisier قميص سورية souriya',
  tshirt: 't-shirt tshirt tee teeshirt camiseta maglietta tricot تيشيرت تيشرت تريكو',
  trousers: 'trousers pants pantalon calça calca pantaloni jeans jean serwal sarwal سروال بنطلون جينز',
  jacket: 'jacket veste blouson casaco jaqueta giacca giubbotto coat manteau kabbot jakita جاكيت فيستة معطف كبوط',
  skirt: 'skirt jupe saia gonna jupa تنورة جيب',
  scarf: 'scarf foulard hijab khimar echarpe écharpe lenço lenco sciarpa shawl chal وشاح خمار حجاب فولار شال',
  suit: 'set ensemble conjunto completo tenue طقم',
  // Footwear, bags, accessories
  shoes:
    'shoes shoe sneakers sneaker trainers baskets basket chaussures chaussure tenis tênis zapatos zapatillas sapato sapatos sapatilha scarpe scarpa sbadri spadri sbardina sabat sebbat sbabet sbabt sbabit sbat صباط سبادري سبرديلة حذاء احذية',
  sandals: 'sandals sandal sandale sandalia sandália sandalo claquette tongs chinelo صندل صندالة شلاكة',
  heels: 'heels talons escarpins salto tacchi كعب',
  bag: 'bag bags handbag purse tote sac sacoche bolsa bolso cartera borsa borsetta sak saq sack شنطة شنطه حقيبة صاك ساك',
  backpack: 'backpack rucksack sac-a-dos mochila zaino cartable kartabl كارطابل محفظة',
  wallet: 'wallet portefeuille carteira portafoglio bzitam بزطام محفظة',
  watch: 'watch watches montre reloj relogio relógio orologio mongela magana manguela montra ساعة منقالة مقانة',
  jewellery:
    'jewelry jewellery bijou bijoux joia joias gioielli collier necklace colar collana bague ring anel anello bracelet pulseira bracciale boucles earrings brincos orecchini خاتم سلسلة قلادة اسورة حلق مجوهرات',
  glasses: 'glasses sunglasses lunettes oculos óculos occhiali ndader نظارات',
  // Beauty
  perfume: 'perfume perfumes parfum perfum fragrance cologne profumo eau 3tr 3itr 3ater atr riha ri7a عطر عطور ريحة',
  cream: 'cream creme crème krem crema creme-hidratante moisturizer moisturiser lotion hidratante idratante كريم كريمة مرطب',
  oil: 'oil huile oleo óleo olio zit zite زيت',
  makeup: 'makeup maquillage maquiagem trucco lipstick rouge-a-levres batom rossetto mascara fond-de-teint foundation مكياج احمر-شفاه روج',
  soap: 'soap savon sabonete sapone saboun صابون',
  shampoo: 'shampoo shampoing shampooing xampu شامبو',
  // Kids
  baby: 'baby babies bebe bébé bambino neonato enfant kids children infantil criança crianca رضيع بيبي طفل اطفال',
  toy: 'toy toys jouet brinquedo giocattolo لعبة العاب',
  // Electronics
  phone:
    'phone smartphone telephone téléphone portable mobile celular telefone telemovel telefono cellulare tilifon portabl هاتف تلفون تليفون بورطابل جوال',
  charger: 'charger chargeur carregador caricabatterie caricatore charjour chargeur شاحن شارجور',
  cable: 'cable câble cabo cavo fil كابل',
  headphones: 'headphones earphones earbuds headset ecouteurs écouteurs casque fone fones auricolari cuffie kitman سماعات سماعة',
  computer: 'laptop computer ordinateur pc notebook computador portatile حاسوب كمبيوتر',
  tablet: 'tablet tablette tablete tablet تابلت لوحة',
  // Home
  mug: 'mug cup tasse caneca xicara xícara tazza fenjal kas فنجان كاس كوب',
  // Gifts and packaging
  gift_box: 'gift-box gift-set giftbox box coffret coffret-cadeau cadeau gift present presente regalo kit caixa confezione هدية علبة كوفري',
  // Digital products
  course: 'course courses curso cursos cours formation formacion corso training class masterclass dawra دورة تكوين كورس',
  ebook: 'ebook e-book livre-numerique livro-digital libro-digitale book livre livro libro apostila guide guia guida pdf كتاب',
  mentoring: 'mentoring mentorship mentoria mentorat coaching consultoria accompagnement مرافقة كوتشينغ',
  spreadsheet: 'spreadsheet planilha tableur foglio excel planner agenda planificateur',
  template: 'template modele modelo modello canva قالب',
  // Colours
  red: 'red rouge rojo roja vermelho vermelha rosso rossa hmar 7mar ahmar 7amra hamra احمر حمراء حمرا',
  black: 'black noir noire negro negra preto preta nero nera khal k7al k7el aswad sawda اسود سوداء كحل كحلة',
  white: 'white blanc blanche blanco blanca branco branca bianco bianca byed abyad beida bayda ابيض بيضاء بيض',
  blue: 'blue bleu bleue azul blu zreg zra9 azraq زرق ازرق زرقاء',
  green: 'green vert verte verde khdar akhdar 5dar اخضر خضراء خضر',
  pink: 'pink rose rosa wardi وردي روز',
  gold: 'gold golden doré dorée dourado dourada oro dorato dhabi dahbi ذهبي ذهبية',
  brown: 'brown marron castanho marrone qahwi قهوي بني',
  beige: 'beige bej بيج',
  // Materials and audiences
  leather: 'leather cuir couro cuero pelle jeld جلد',
  silk: 'silk soie seda seta harir حرير',
  cotton: 'cotton coton algodao algodão cotone qoton قطن',
  men: 'men man male homme hombre homens masculino uomo rjal rajel رجالي رجال',
  women: 'women woman female femme mujer mulher feminino donna nsa nisa نسائي نساء',
  summer: 'summer ete été verao verão estate sif sayf صيفي صيف',
  evening: 'evening party soiree soirée gala festa sera sahra سهرة',
};

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

/** The built-in lexicon, built once per process (immutable after construction). */
export const defaultLexicon: Lexicon = makeLexicon();
