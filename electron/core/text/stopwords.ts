import { normaliseToken } from './normalise';

/**
 * Words that carry the question, not the product: greetings, question words, verbs of wanting and
 * having, articles, prepositions, politeness. Retrieval drops them so "wach kayen", "combien",
 * "how much", "quanto custa", "bghit", "nheb", "svp" never match a product. Listed raw; normalised once at load so the list follows the tokeniser.
 */
const RAW: Readonly<Record<string, string>> = {
  'dz-latn': `wach wech ach chno chnou chnouwa chnowa kayen kayn kayna kaynin kain kaina andek andk 3andek 3andk andkom
    3andkom 3ndk 3ndek ch7al chhal cha7al chahal bch7al bchhal b9addach bqadach 9addach qadach gedach gdach bghit
    bghina bgheet nheb n7eb nhab nhabb n7ab nhebb nebghi nbghi habit 7abit hab had hadi hada hadak hadik hado hadou
    dak dik hna lhna ghir ki kifach kifeh kif ya khoya khouya khti sahbi sa7bi slm salam salamo alaykom 3alaykom
    aleykoum saha sahit s7a ok okay wa wah ih iyeh la lala m3a ma3a fi f l el b bel mais ana nta nti ntoma rani raki
    rak rahi rah howa hiya maak m3ak 3lik alik bzaf bezaf chwiya chwia brk barak nchof nchouf nchuf tsma tsema yaani
    ya3ni dok doka daba dorka ljdid jdid mlih mli7 shal wesh`,
  'ar-dz': `واش شحال بشحال قداش بقداش كاين كاينه كاينة عندك عندكم بغيت نحب حبيت هذا هذه هاد هادي هدا هذي ديك داك السلام
    عليكم سلام مرحبا صباح الخير مساء خويا خوي اختي اخت من في على مع الى إلى او و يا من فضلك لو سمحت برك بزاف شوية هل
    ما ماذا كم بكم اريد أريد ممكن عفاك الله يعطيك الصحة انا أنا راني راهي راه نتا نتي هو هي تاع نتاع متاع ليا ليك`,
  fr: `bonjour bonsoir salut coucou svp stp merci bcp beaucoup combien coute coûte quel quelle quels quelles est sont
    le la les l un une des de du d au aux a à en et ou pour par sur avec sans dans ce cet cette ces c vous tu je j
    il elle nous on avez as ai avoir voudrais veux voulais aimerais cherche encore reste y mon ma mes votre vos ton
    ta tes s'il plait plaît madame monsieur svp qu que qui quoi est-ce me moi m t svp possible suis sommes etes habite j'habite ici chez vers alors bien aussi oui non`,
  en: `hi hello hey good morning how much many what which is are the a an of for to in on at with and or do
    does you your have has i me my we want would like need looking please pls thanks thank can could there any still
    it this that these those get sell sold got just also yes no ok`,
  pt: `oi olá ola bom dia boa tarde noite quanto quanta custa custo o a os as um uma de do da dos das em no na nos nas
    por para pra com e ou que qual quais é tem têm tens você voce vc quero queria gostaria ainda obrigado obrigada
    por favor pf me eu meu minha seu sua isso esse essa este esta`,
  it: `ciao buongiorno buonasera salve quanto quanta costa il lo la i gli le un uno una di del della dei delle in nel
    nella per con e o che quale è avete hai ho vorrei voglio ancora grazie per favore mi io mio mia questo questa
    quello quella`,
  // Not a target language, but Spanish speakers write to Maghrebi and Brazilian shops too.
  es: `hola buenos buenas cuanto cuánto cuesta cuestan el la los las un una unos unas de del al en por para con y o que
    tiene tienen tienes quiero quisiera me mi tu su es son hay gracias favor`,
};

/**
 * Shop talk: price, size, colour, delivery, buying. Never a product, but the very words of an FAQ
 * ("délai de livraison"), so product search drops them and knowledge search keeps them.
 */
const SHOP_TALK_RAW: Readonly<Record<string, string>> = {
  'dz-latn': 'prix soum sum taman taille couleur lon tawsil livraison ncommandi ncomandi nchri nechri nechrih',
  'ar-dz': 'السعر سعر الثمن ثمن الحجم المقاس مقاس اللون لون التوصيل توصيل نشري',
  fr: 'prix tarif taille couleur pointure livraison commander commande acheter disponible dispo cher chere pas trop moins',
  en: 'price cost costs size color colour delivery buy order available',
  pt: 'preço preco valor tamanho cor entrega frete comprar pedido disponível disponivel',
  it: 'prezzo costo taglia colore consegna spedizione comprare ordinare disponibile',
};

const canonicalSet = (lists: Readonly<Record<string, string>>): ReadonlySet<string> =>
  new Set(
    Object.values(lists)
      .flatMap((list) => list.split(/[^\p{L}\p{N}]+/u))
      .filter(Boolean)
      .map(normaliseToken),
  );

/**
 * Canonical stop-words of every language (the customer's language is not known at retrieval time), and shop talk.
 * Normalised on first use, not while core starts.
 */
let sets: { stop: ReadonlySet<string>; shopTalk: ReadonlySet<string> } | undefined;
const lists = () => (sets ??= { stop: canonicalSet(RAW), shopTalk: canonicalSet(SHOP_TALK_RAW) });

export const isStopWord = (token: string): boolean => lists().stop.has(token);
/** Stop-word or shop talk: what product search ignores. */
export const isProductStopWord = (token: string): boolean => lists().stop.has(token) || lists().shopTalk.has(token);
