/**
 * Word lists for language detection, already folded (see normalise.fold). A word counts for the
 * languages whose list holds it; "strong" words are nearly unique to one language and weigh more.
 * Words shared by several languages (merci, salam, ok) are deliberately left out or kept weak.
 */
const words = (s: string): string[] => s.trim().split(/\s+/);

export const DZ_LATN_STRONG = new Set(
  words(`
  famma fama aslema 9adeh 9adech 9addech barcha yezzi chnowa chnoua 3aychek 3aychak ya5i mta3 tawsil nfker nkhamem
  wach wesh wech ch7al chhal chhal shhal ch7al kayen kayn kayna kayne nheb nhab n7eb n7ab nhebb bghit bghina bghit
  3andek 3andkom 3ndek andek 3andi 3ndi khoya khouya kho5 sahbi sa7bi bzaf bezaf bzzaf bzf rani rahi raho rahom raki rak
  nta3 ta3 nta3i ta3i dyal dial dyali m3a ma3a lazem lazm lazmni nchof nchouf nchoof nchufo ncommandi ncomandi ncommander
  nchri nechri nechriha nchriha nkhles nkhalas brk berk barka chwiya chouia chwia chwya mlih mli7 zwin zwina chno chnou
  achno achnou kifach kifah kifech winek wink fayen fin 3lik 3likom 3likoum 3la 3ala ya3tik yatik sa7a sahit sa7it saha7
  nchallah inchalah wakha mzyan mezyan mzian daba drahem drahmi drahmek flouss flous dourou rkhis r5is rkhisa labas lbas
  hamdoulah hamdullah hamdolah mazal mazel mazalt kima tani tawa dork drok dorka 9adech gdach gedach 9adeh 9dah gadeh
  zouj jouj tlata wlh wallah wlah wallahi anaya ntaya ntia ntouma hna lhih hnak blach bach bah kifkif ndir dir diri jib jibli
  jibhouli b3athli ab3athli ab3ath b3ath siftli sift sifetli taswira tsawer sowar swer tswira mouhim machi mch bessah bsah
  wela wala walla wella wlla yak ewa choufi chouf chofli 9bal l9it lgit wsal wsel wslt wsaltch mawsaltch majatch mjatch mawsletch makanch
  makach makach wa9tach wqtach waktach 9rib b3id sa3a nrodo nrod nredo nrj3 nrja3 rja3 tjibouli tjibolna twasslou twasloulna
  ywsal ywsl dzayer dzair wahran qsentina bjaya tlemsen sahbti khti khtii khalti 7aja 7ajti ghalia ghali ghlia ghaliya
  nkhaf nthi9 nti9 ma3lich 3adi 9oli 9olli golli goli 9alek galek kolchi kamel 5ouya 5o 7abit nhabit 3jbni 3jebni 3ajbatni
  nta nti slm yaatik sbah msa lkhir lkhir rajli rajel mart mra bent nrml hadi hada hadak hadik haja
  3ayetli 3ayetlna ayetli ncommandiha ncommandih nchrih nchriha nakhod nakhdo nakhdha sawerli sawarli sawer wrini werini nraja3lek nrja3lek
`),
);

export const DZ_LATN_WEAK = new Set(
  words(`
  salam slt sbah lkhir saha had wa l f fi w li lli ya 3 ki bla ana rah nchri wahed wahda
`),
);

export const FR = new Set(
  words(`
  je j tu vous nous il elle est c ce cette ces le la les des du un une au aux de et ou mais pour avec sans sur dans par
  bonjour bonsoir salut merci svp stp plait combien prix avez avoir taille commander commande veux voudrais suis pas
  trop cher chere quel quelle quels delai disponible dispo oui non tres bien peux pouvez est-ce ou quand comment mon ma mes
  votre vos rembourser remboursement colis recu toujours encore aussi parler humain conseiller dernier reduction promo
  livrer livre envoyer envoyez photo photos reflechir rappeler moi vraiment arnaque faux original qualite couleur
  noir noire blanc blanche rouge bleu robe sac chaussures montre parfum fiable confiance garantie adresse nom telephone
  aujourd hui demain voila ca y a-t-il quoi qui que si deja jamais rien quelqu personne plus moins
`),
);

export const EN = new Set(
  words(`
  the is are was how much what do does you have i want to order please thanks thank hi hello hey price available
  delivery size can my it this that ship shipping cost buy need would like any send refund human agent expensive
  of for and or but with your yours me we they when where which who will just still not yes no sure get got
  there here some too very cheaper discount deal think later tomorrow today money back received arrived broken wrong
  person someone talk speak real picture pictures photo pic pics color colour black white red blue dress bag shoes
  watch perfume cream address name phone number trust legit scam fake original quality days long take an a
`),
);

export const PT = new Set(
  words(`
  voce vc voces quanto custa custam ola oi obrigado obrigada tem quero gostaria comprar preco nao sim pra para com meu
  minha entrega frete curso depois falo vou pensar caro cara desconto tudo bem bom boa dia tarde noite favor pfv pode
  posso atendente pessoa reembolso dinheiro ainda chegou parcelar pix boleto cartao tambem muito qual onde como isso
  esse essa esta estou seu sua uma um os as do da dos das no na nos nas ate valor mais menos acesso comprei recebi
  pagar pagamento obg vlw valeu certificado aulas aula livro planilha queria saber tenho fazer confiavel golpe
  de e que em por sao preciso precisa desculpa desculpe ta vcs qto mas aqui hoje amanha entao manda mande tamanho
  cor sabor vdd verdade obrigadao beleza blz fechado isso mesmo demora chegar loja voces
`),
);

export const IT = new Set(
  words(`
  ciao la in oggi buongiorno buonasera quanto costa costano costo prezzo avete hai vorrei voglio ordinare grazie mille per favore
  spedizione consegna taglia disponibile sono non caro troppo sconto il lo gli della del dello che come dove quando
  anche molto penso ci rimborso soldi arrivato persona operatore parlare con questo questa quello borsa vestito scarpe
  profumo orologio nero bianco rosso si prego salve posso potete mi sapere ancora niente ordine pacco giorni quanti
  e un una uno ho ha abbiamo fattura pagamento contrassegno spedite spedire vestiti ringrazio gentilissimo gentile
  faccio fidarmi fidarsi vuole tempo devo scrivo
  di scusa ne prendo confermo va bene vorremmo chiamo mio numero indirizzo ma allora perfetto quanti arriva
`),
);

/** Modern Standard Arabic words that Darija speakers rarely write. */
export const MSA = new Set(
  words(`
  كم هل يوجد توجد اريد أريد ارغب ارید لديكم لديك متوفر متوفره ماذا لماذا كيف من فضلك السعر سعر ثمن الشحن شحن
  استرداد المبلغ هذا هذه التي الذي لكن جدا اود سوف لم لن ليس ايضا اطلب طلب مده يستغرق اود الحصول عندكم
  الي اليك اليكم عن الامر الذين الان جزيلا لكم سافكر اعود توصلون تستغرق حتي
  حضرتك لو سمحت اشكرك جزيلا الرجاء نريد تريد يمكن يمكنني استطيع اين متي اخي اختي 
  لقد قد مرتفع باهظ التوصيل بكم ساعه ارسال ارسل صوره صور يصل وصل استلمت
`),
);

/** Algerian / Moroccan Darija in Arabic script. */
export const DARIJA_AR = new Set(
  words(`
  بشحال شحال واش نحب نحبك نحوس خويا خوي بزاف كاين كاينه كاينة راني راهي راه راك نتاع نتاعي تاع تاعي تاعك ديال ديالي
  بغيت بغينا دراهم دراهمي مازال ماشي كيفاش وين علاش شويه شوية برك زعما هدا هاد هادي هذيك بلاصه صحيت يعطيك الصحه
  نشري نشريه نشريها نخلص ليا ليك عليا دابا مزيان واخا صافي خاوتي خالتي نجي نديرو دير ديري جيب جيبلي يجيبلي صباط
  سبادري كسوه ولا باه باش مليح تاني قداش فاش وقتاش شكون كيما لازم نشوف راجلي درك دوك حاجه نتوما نتوم هنايا
  يوصل توصلني تجيبوهالي ابعثلي بعثلي صورولي وريني غاليه نرجع نرد منين عندك خلاص سلعه بصح
  ماوصلتش موصلتش ماجاتش ماكانش ماكاش مكاش بلا توصلو توصلولي تجيبو نخمم نرجعلك نستنى راني جاتني جاتنا وراني واش راكم
`),
);
