import type { Intent } from '../../../../shared/domain/brain';

/**
 * Intent phrases in every supported language, folded (see normalise.fold; Arabic without the
 * article). A phrase is words separated by spaces; `word*` matches any word starting so
 * ("rembours*" = rembourser, remboursement); `!` in front doubles the weight. The lists are
 * merged across languages on purpose: a customer's language guess can be wrong, their words are not.
 */
export type Lexicon = Partial<Record<Intent, string[]>>;

export const INTENT_LEXICON: Lexicon = {
  complaint_refund: [
    // fr
    '!rembours*', 'arnaque*', '!escroc*', 'pas recu', 'jamais recu', 'toujours pas recu', 'pas arrive*', 'casse*', 'abime*',
    'defectu*', '!plainte', 'reclamation', 'pas content*', 'decu*', 'mauvais* qualite', 'pas conforme', 'retourner', 'retour',
    'echanger', 'faux produit', '!avocat', '!tribunal', '!police', 'porter plainte', 'honte', 'nul', 'voleur*',
    // en
    '!refund*', 'scam*', 'not received', 'never received', 'never arrived', 'didn t arrive', 'didnt arrive', 'hasn t arrived',
    'not arrived', 'still waiting', 'broken', 'damaged', 'wrong item', 'wrong size', 'complain*', 'disappointed', '!lawyer',
    '!sue', 'money back', 'return it', 'defective', 'fake', 'terrible', 'worst', '!report you', 'cheated', 'thief',
    // pt
    '!reembols*', 'devolu*', 'nao chegou', 'nunca chegou', 'ainda nao chegou', 'nao recebi', 'golpe', 'quebrad*', 'defeito',
    'reclama*', 'dinheiro de volta', '!procon', '!advogado', 'estorno', 'cancelar compra',
    // it
    '!rimbors*', 'non arrivato', 'non e arrivato', 'mai arrivato', 'non ho ricevuto', 'truffa*', 'rotto', 'rotta', 'difettos*',
    'reclamo', '!avvocato', 'restituire', 'soldi indietro',
    // darija latin
    'ma wsaltch', 'mawsaltch', 'ma wslatch', 'mawslatch', 'ma wsletch', 'mawsletch', 'majatch', 'ma jatch', 'mawsalnich',
    'ma wsalnich', 'nrod drahmi', 'nrodo', 'nrj3 drahmi', 'rodli drahmi', 'rodouli', 'radouli', 'drahmi', 'drahemi', '!mkharba*',
    'mkasra', 'mkesra', '!sera9*', '!ser9ouni', '!khdaa*', '!9adia', '!chkaya', 'machi kima tswira', 'ghelto', 'ghalto',
    // arabic + darija
    '!استرجاع', '!استرداد', 'ارجاع', 'نرجع دراهمي', 'دراهمي', 'ما وصلتش', 'ماوصلتش', 'موصلتش', 'ما وصلنيش', 'ماوصلنيش',
    'ما جاتش', 'ماجاتش', 'لم يصل', 'لم تصل', 'لم استلم', 'مكسور*', 'مكسره', 'خاسر*', 'مغشوش', '!نصب', '!نصاب*', '!سرق*',
    '!شكوي', '!شكايه', '!محامي', '!محكمه', '!الشرطه', 'غالط*', 'ماشي كيما', 'رديلي', 'ردولي', 'فلوسي', 'احتيال',
  ],
  human_request: [
    // The owner, a manager or a person, in Darija (both scripts), French, English, Portuguese, Italian.
    '!nkallem', '!nkalem', '!nhder m3a', '!nahder m3a', '!nahki m3a', '!n7ki m3a', '!nehder m3a', 'el patron', 'l patron', 'mol l hanout', 'moul lhanout', 'mol lhanout',
    'moula el boutique', 'mol l boutique', 'mol el boutique', 'sa7eb el 7anout', 'sahbek', '!le gerant', '!le patron', '!un responsable', '!manager', '!owner', '!supervisor',
    '!o dono', '!a dona', '!o gerente', '!o responsavel', '!falar com o gerente', '!il responsabile', '!il proprietario', '!il gestore', '!una persona vera',
    '!نكلم', '!نهدر مع', '!نحكي مع', '!نتكلم مع', '!المسؤول', '!المدير', '!صاحب المحل', '!مول الحانوت', '!مول المحل', '!الباترون', '!شخص حقيقي', '!بشري',
    '!humain', '!conseiller', '!responsable', 'parler au', 'parler a', '!quelqu un de reel', '!une vraie personne', '!vraie personne', 'parler au patron', 'le responsable',
    'parler a quelqu un', 'parler avec quelqu un', 'passez moi', 'quelqu un de la boutique', 'le gerant', 'service client', 'appelez moi', 'appelle moi',
    '!human', '!real person', '!agent', '!someone real', 'talk to someone', 'speak to someone', 'speak to a person',
    'the owner', 'the manager', 'call me', 'customer service', 'are you a bot', 'are you a robot', 'not a bot',
    '!atendente', '!pessoa real', '!humano', 'alguem humano', 'falar com alguem', 'falar com uma pessoa', 'falar com o dono', 'me liga',
    '!operatore', '!persona reale', 'parlare con qualcuno', 'parlare con una persona', 'il titolare',
    '!mol lhanout', '!mol l7anout', '!moul lhanout', 'nehder m3a', 'nahdar m3a', 'nehdar m3a', 'nhder m3a', 'nahki m3a',
    'bnadem', 'insan', 'ensan', 'rak robot', 'nta robot', 'ay7ed', 'eyetli', 'ayetli', '3ayetli', 'appeli',
    '!مول الحانوت', '!صاحب المحل', '!انسان', 'بنادم', 'نهدر مع', 'نتكلم مع', 'اتكلم مع', 'شخص حقيقي', 'عيطلي', 'اتصل بي',
    'موظف', 'المسؤول', 'روبوت',
  ],
  objection_price: [
    '!trop cher', '!tres cher', '!cher', 'chere', 'dernier prix', '!reduction', 'remise', 'moins cher', 'baisser', 'baisse le prix',
    'faire un prix', 'geste', 'negocia*', 'prix final',
    '!expensive', '!too much', '!pricey', 'discount', 'cheaper', 'best price', 'last price', 'lower the price', 'lower price',
    'overpriced', 'a deal', 'deal', 'a lot of money', 'too much money', 'salgado',
    '!caro', '!cara', '!muito caro', 'desconto', 'mais barato', 'abaixa', 'ultimo preco', 'melhor preco',
    '!troppo caro', 'sconto', 'meno caro', 'ultimo prezzo', 'costa troppo',
    '!ghali', '!ghalia', '!ghaliya', '!ghlia', '!ghaly', 'ghali bzaf', 'na9es', 'na9as', 'n9es', 'na9sli', 'n9esli', 'n9assli',
    'akhir prix', 'akher prix', 'akhir soum', 'dernier prix', 'remise', 'rkhis', 'ta7', 'nahi chwiya', 'habet',
    '!غالي', '!غاليه', '!غالية', 'باهظ', 'مرتفع', 'نقص', 'نقصلي', 'نقصي', 'اخر سوم', 'آخر سعر', 'اخر سعر', 'تخفيض', 'خصم',
    'ارخص', 'رخيص', 'تخفيض', 'eleve', 'trop eleve', 'too high', 'better price', 'good price', 'meilleur prix', 'elevado', 'alto demais', 'troppo alto',
  ],
  objection_trust: [
    '!confiance', '!fiable*', 'peur', 'j ai peur', 'medo', 'tenho medo', 'paura', 'ho paura', 'afraid', 'worried', 'how do i know', 'arnaque ou', '!comment je sais', 'pas une arnaque', 'c est une arnaque', 'est ce une arnaque', 'c est vrai', 'original', 'originale', 'contrefa*', 'garantie', 'vous etes serieux',
    'serieux', 'avis', 'des preuves', 'preuve', 'payer avant', 'paiement a la livraison',
    '!legit', '!trust', 'is it real', 'is this real', 'reviews', 'guarantee', 'warranty', 'authentic', 'genuine', 'proof',
    'pay on delivery', 'reliable',
    '!confia*', '!confianca', 'e seguro', 'seguro', 'garantia', 'original', 'avaliacoes', 'e golpe', 'verdade',
    '!affidabil*', '!fiducia', '!fidarmi', '!fidarsi', 'how can i be sure', 'can i be sure', 'be sure', 'actually ship', 'originale', 'garanzia', 'recensioni', 'sicuro',
    '!nkhaf', '!nkhafo', 'nthi9', 'nti9', 'nthe9', 'ma nthi9ch', 'ma nti9ch', 'machi original', 'original wla', 'ta3 sah', 'sah wla',
    'garanti', 'tkhalas ki', 'nkhalas ki', 'nkhales ki', 'khlas 3nd',
    '!ثقه', '!نثق', 'نخاف', 'اصلي', 'أصلي', 'اوريجينال', 'ضمان', 'مضمون', 'صح ولا', 'نخلص كي', 'الدفع عند الاستلام',
  ],
  objection_hesitation: [
    '!reflechir', '!je vais voir', 'je reviens', 'je vous redis', 'plus tard', 'pas maintenant', 'pas sur', 'peut etre',
    'hesite', 'j hesite', 'demander a mon mari', 'demander a ma femme', 'en parler', 'je sais pas', 'on verra',
    '!think about it', '!let me think', 'maybe later', 'later', 'not sure', 'not now', 'ask my', 'get back to you', 'i ll see',
    'hmm', 'next month',
    '!vou pensar', '!pensar', 'depois', 'mais tarde', 'nao sei', 'talvez', 'vou ver', 'te falo', 'te aviso',
    '!ci penso', '!ci devo pensare', 'pensarci', 'piu tarde', 'forse', 'non so', 'ti faccio sapere',
    '!nchof', '!nchouf', 'nchoof', 'nchuf', 'nchof m3a', 'nchouf m3a', 'nfakar', 'nfaker', 'ntfakar', 'nkhamem', 'nkhammem',
    'mbe3d', 'mba3d', 'ba3d', 'menba3d', 'ghodwa', 'ghedwa', 'ma3ndich drahem', 'manich metaked', 'ma3lich mbe3d',
    'rajli', 'mar2ti', 'marti', 'lazem nchof', 'lazem nchouf', 'nchawer', 'nchawar',
    '!نشوف', '!نخمم', 'نفكر', 'ساعه اخرى', 'من بعد', 'مبعد', 'بعدين', 'غدوه', 'راجلي', 'مرتي', 'نشاور', 'سافكر', 'افكر', 'لاحقا', 'ربما',
  ],
  order_request: [
    '!commander', '!je commande', '!commande', '!je prends', '!je le prends', '!je la prends', 'je veux acheter', 'acheter',
    'je voudrais', 'envoyez moi', 'reserver', 'ajoute', 'ajouter',
    '!order', '!i ll take', '!i will take', '!i want to buy', '!buy', 'purchase', 'i want it', 'i want one', 'i want two',
    'send me', 'add to', 'checkout', 'i ll have', 'i want the', 'i d like the', 'i would like the', 'i d like to get',
    '!quero comprar', '!comprar', '!adquirir', '!encomend*', '!pedido', 'quero o', 'quero a', 'quero um', 'quero uma', 'queria um', 'queria uma', 'quero esse', 'quero essa', 'eu quero', 'fechar',
    'vou levar', 'pode mandar', 'manda',
    '!ordinare', '!ordino', '!comprare', '!lo prendo', '!la prendo', 'vorrei il', 'vorrei la', 'vorrei un', 'vorrei una', 'voglio', 'ne prendo', 'me ne dia',
    '!ncommandi', '!ncomandi', '!ncommander', '!ncommandih', '!ncommandiha', '!nchri', '!nechri', '!nchriha', '!nchrih',
    '!nakhod', '!nakhdo', '!nakhdha', '!nediha', '!nedih', '!ndiha', '!ndih', 'bghit', 'nheb', 'nhab', 'n7eb', 'jibli',
    'jibhouli', 'ab3athli', 'b3athli', 'b3atli', 'sifetli', 'siftli', 'commande', 'commandi',
    '!نطلب', '!نكوموندي', '!نشري', '!نشريه', '!نشريها', '!ناخذ', '!ناخد', '!ناخدها', '!نديها', '!نديه', 'اطلب', 'أطلب',
    'اريد', 'أريد', 'نحب', 'بغيت', 'ابعثلي', 'بعثلي', 'جيبلي', 'اشتري', 'شراء', 'طلبيه',
  ],
  delivery_question: [
    '!livraison', '!livrez', '!livrer', '!livre a', 'delai', 'expedi*', 'frais de port', 'frais de livraison', 'envoi', 'domicile',
    'bureau', 'stop desk', 'yalidine', 'zr express', 'colis',
    '!delivery', '!deliver', '!shipping', '!ship', 'how long', 'how many days', 'arrive', 'courier', 'post',
    '!entrega', '!frete', 'envio', 'prazo', 'quantos dias', 'correios', 'chega',
    '!spedizione', '!consegna', '!spedite', '!consegnate', '!consegnare', '!spedire', '!consegnerete', 'quanti giorni', 'corriere', 'arriva',
    '!entregam', '!entregar', '!enviam', '!envia pra', '!manda pra', 'demora quanto', 'quanto tempo demora', 'quanto demora', 'kanwslo', 'katwslo', 'twslo', '!tawsil', '!twasslou',
    '!twasslou', '!twaslou', '!tewasslou', '!twasloulna', '!tjibouh', '!tjibouha', '!tjiboulna', 'ywsal', 'ywsel', 'twsal',
    'wa9tach ywsal', 'ch7al ywsal', 'ch7al mn nhar', 'ch7al nhar', 'tawsil', 'tosil', 'livrison', 'livreson', 'lapost',
    '!التوصيل', '!توصيل', '!توصلو*', '!ليفريزون', '!الشحن', 'شحن', 'يوصل', 'توصل', 'تجيبوه',
    'تجيبوها', 'كم يوم', 'مده', 'قداش من نهار', 'شحال من نهار', 'الدار', 'يسلم',
  ],
  price_question: [
    '!combien', '!prix', '!tarif', 'ca coute', 'coute', 'c est combien', 'quel prix', 'le prix',
    '!how much', '!price', '!cost', 'costs', 'pricing', 'what s the price', 'how much is',
    '!quanto custa', '!quanto e', '!quanto ta', '!quanto esta', '!preco', '!valor', 'quanto fica', 'quanto sai', 'custa',
    '!quanto costa', '!prezzo', '!costo', 'quanto viene', 'quanto costano',
    '!ch7al', '!chhal', '!shhal', '!chehal', '!ch7al', '!9adech', '!9adeh', '!gdach', '!gedach', '!bch7al', '!b9adech',
    '!bchhal', 'soumha', 'soumo', 'souma', 'soum', 'prix ta3', 'ch7al soum', 'ch7al ta3',
    '!بشحال', '!شحال', '!قداش', '!بقداش', '!كم سعر', '!كم ثمن', '!بكم', '!سعر', '!ثمن', 'كم', 'سومه', 'سومها', 'السوم',
  ],
  availability: [
    '!disponible', '!dispo', '!vous avez', '!avez vous', 'vous vendez', 'vendez', 'vende', 'vendete', 'tbi3o', 'tbi3ou', 'تبيعو', '!photo*', '!picture*', '!sowar', '!tsawer', '!taswira', '!sawerli', '!صوره', '!صور', '!تصاور', '!تصويره', '!تصاوير', '!foto*', '!immagin*', '!en stock', 'il reste', 'reste', 'existe', 'y a t il', 'il y a',
    'taille', 'pointure', 'couleur', 'photo', 'photos', 'image', 'en quelle couleur', 'quelles tailles',
    '!available', '!in stock', '!do you have', '!do you sell', 'have you got', 'any left', 'sizes', 'size', 'colors', 'colours',
    'picture', 'pictures', 'photo', 'pic', 'pics', 'what colors',
    '!disponivel', 'tem', '!voces tem', '!vcs tem', '!estoque', 'ainda tem', 'tamanho', 'cor', 'cores', 'foto', 'fotos',
    '!disponibile', '!avete', '!ce l avete', '!ci sono', 'taglia', 'colore', 'colori', 'foto',
    '!kayen', '!kayn', '!kayna', '!kayne', '!3andkom', '!3andek', '!andkom', 'mazal kayen', 'mazal kayna', 'kayen ta3',
    'taille', 'size', 'couleur', 'lon', 'sowar', 'swer', 'tsawer', 'taswira', 'tswira', 'sawer', 'sawerli', 'sawarli',
    'wrini', 'werini',
    '!كاين', '!كاينه', '!متوفر', '!متوفره', '!عندكم', '!لديكم', '!يوجد', '!توجد', 'مازال', 'مقاس', 'القياس', 'قياس', 'لون', 'الالوان',
    'صوره', 'صور', 'تصويره', 'صورولي', 'وريني', 'بيكتور',
  ],
  greeting: [
    '!bonjour', '!bonsoir', '!salut', 'coucou', 'cc', 'bjr', 'bsr', 'slt', 'hello',
    '!hello', '!hi', '!hey', 'good morning', 'good evening', 'good afternoon',
    '!ola', '!oi', 'bom dia', 'boa tarde', 'boa noite',
    '!ciao', '!buongiorno', '!buonasera', 'salve',
    '!salam', '!slm', '!salam alikoum', '!salam 3alikom', 'salamo alaykom', 'saha', 'sbah lkhir', 'msa lkhir', 'ahlan', 'marhba',
    'labas', 'cv', 'ca va', 'wach rak', 'wach raki', 'kirak', 'kiraki', 'kidayer', 'kidayra',
    '!السلام عليكم', '!سلام', '!مرحبا', '!اهلا', 'صباح الخير', 'مساء الخير', 'صباح النور', 'واش راك', 'كي راك', 'لاباس',
  ],
  thanks: [
    '!merci', 'mrc', 'mci', 'remercie', '!thanks', '!thank you', 'thx', 'ty', 'appreciate',
    '!obrigado', '!obrigada', 'obg', 'vlw', 'valeu', '!grazie', 'ti ringrazio',
    '!ya3tik saha', '!yatik saha', 'saha 3lik', '!sa7a', '!sahit', '!sa7it', '!baraka allah', 'barakallah', 'allah ybarek', 'tbarkallah',
    'chokran', 'choukran', 'chokrane', 'shukran', '3lik', 'mer6',
    '!شكرا', '!يعطيك الصحه', '!صحيت', '!بارك الله', 'الله يبارك', 'مشكور', 'تسلم',
  ],
};

/** Words that, alone or nearly so, mean "yes" to a confirmation question. */
export const YES_WORDS = new Set(
  'oui ouais ok okay dac daccord d accord yes yeah yep sure confirm confirme confirmed valide sim claro pode si certo esatto va bene ih iyeh iyah wah wakha ey ay aywa eyh ah safi mrigel mriguel naam behi bahi tamam mzyan mzian باهي تمام آه إي نعم ايه اه ايوه واه واخا مريقل صافي موافق اكيد اكيد ok confirmi nconfirmi confirma confermo certo'.split(
    ' ',
  ),
);
/** Words that mean "no / not like this". */
export const NO_WORDS = new Set('non no nope nao não la lala lla machi ma7abitch mabghitch لا لالا ماشي no annule annuler cancel cancelar annulla'.split(' '));
