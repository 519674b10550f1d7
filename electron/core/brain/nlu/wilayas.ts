import { fold, stripArabicArticle, tokens } from './normalise';

/**
 * Algeria's 58 wilayas: code, the name couriers use, the Arabic name, and how customers write
 * them (Darija, Arabizi, old colonial and short forms). Spellings are folded at load.
 */
const RAW: [number, string, string, string][] = [
  [1, 'Adrar', 'أدرار', 'adrar'],
  [2, 'Chlef', 'الشلف', 'chlef;chelef;echlef;chleff;orleansville;شلف'],
  [3, 'Laghouat', 'الأغواط', 'laghouat;laghwat;lagouat;aghouat;اغواط'],
  [4, 'Oum El Bouaghi', 'أم البواقي', 'oum el bouaghi;oum bouaghi;oum el bouagui;oeb;um el bouaghi'],
  [5, 'Batna', 'باتنة', 'batna;betna'],
  [6, 'Béjaïa', 'بجاية', 'bejaia;bejaya;bgayet;bgayeth;bjaya;bougie;vgayet;bejaya;بجايه'],
  [7, 'Biskra', 'بسكرة', 'biskra;beskra;baskra'],
  [8, 'Béchar', 'بشار', 'bechar;bchar;béchar'],
  [9, 'Blida', 'البليدة', 'blida;bleda;el blida;البليده;بليدة'],
  [10, 'Bouira', 'البويرة', 'bouira;bouirra;tubirett;البويره;بويرة'],
  [11, 'Tamanrasset', 'تمنراست', 'tamanrasset;tamanghasset;tamenrasset;تمنغاست'],
  [12, 'Tébessa', 'تبسة', 'tebessa;tbessa;tebbessa;تبسه'],
  [13, 'Tlemcen', 'تلمسان', 'tlemcen;tlemsen;tilimsen;tlemcan'],
  [14, 'Tiaret', 'تيارت', 'tiaret;tihert;tyaret'],
  [15, 'Tizi Ouzou', 'تيزي وزو', 'tizi ouzou;tizi;tiziouzou;tizi wezzu;tizi-ouzou;تيزي'],
  [16, 'Alger', 'الجزائر', 'alger;algiers;dzayer;dzair;dz;el djazair;djazair;l dzayer;ldzayer;alger centre;الجزائر العاصمة;العاصمة;العاصمه;دزاير;الجزاير'],
  [17, 'Djelfa', 'الجلفة', 'djelfa;jelfa;djalfa;الجلفه;جلفة'],
  [18, 'Jijel', 'جيجل', 'jijel;djidjel;jijil'],
  [19, 'Sétif', 'سطيف', 'setif;stif;sétif;stayf'],
  [20, 'Saïda', 'سعيدة', 'saida;saïda;sa3ida;سعيده'],
  [21, 'Skikda', 'سكيكدة', 'skikda;philippeville;سكيكده'],
  [22, 'Sidi Bel Abbès', 'سيدي بلعباس', 'sidi bel abbes;sidi belabbes;bel abbes;belabbes;sba;sidi bel abbès;بلعباس'],
  [23, 'Annaba', 'عنابة', 'annaba;3annaba;anaba;عنابه'],
  [24, 'Guelma', 'قالمة', 'guelma;galma;gelma;قالمه'],
  [25, 'Constantine', 'قسنطينة', 'constantine;qsentina;qacentina;ksentina;qsantina;9sentina;csantina;قسنطينه;قسمطينة'],
  [26, 'Médéa', 'المدية', 'medea;lemdia;lamdia;mdea;المديه;مدية'],
  [27, 'Mostaganem', 'مستغانم', 'mostaganem;mosta;mestghanem;mostghanem'],
  [28, "M'Sila", 'المسيلة', 'msila;m sila;mesila;المسيله;مسيلة'],
  [29, 'Mascara', 'معسكر', 'mascara;mouaskar;m3asker;maskara'],
  [30, 'Ouargla', 'ورقلة', 'ouargla;wargla;ouergla;ورقله'],
  [31, 'Oran', 'وهران', 'oran;wahran;ouahran;wehran;l wahran;lwahran;orán'],
  [32, 'El Bayadh', 'البيض', 'el bayadh;bayadh;el bayad;labyadh;البيض'],
  [33, 'Illizi', 'إليزي', 'illizi;ilizi;اليزي'],
  [34, 'Bordj Bou Arreridj', 'برج بوعريريج', 'bordj bou arreridj;bba;bordj;bourj;borj bou arreridj;bordj bouarreridj;برج'],
  [35, 'Boumerdès', 'بومرداس', 'boumerdes;boumerdas;boumerdès'],
  [36, 'El Tarf', 'الطارف', 'el tarf;tarf;taref'],
  [37, 'Tindouf', 'تندوف', 'tindouf;tinduf'],
  [38, 'Tissemsilt', 'تيسمسيلت', 'tissemsilt;tissemsilet'],
  [39, 'El Oued', 'الوادي', 'el oued;eloued;oued souf;souf;el wad;lwad;الوادي;وادي سوف'],
  [40, 'Khenchela', 'خنشلة', 'khenchela;khanchla;5enchela;خنشله'],
  [41, 'Souk Ahras', 'سوق أهراس', 'souk ahras;souk ahras;sou9 ahras;سوق اهراس'],
  [42, 'Tipaza', 'تيبازة', 'tipaza;tipasa;tibaza;تيبازه'],
  [43, 'Mila', 'ميلة', 'mila;ميله'],
  [44, 'Aïn Defla', 'عين الدفلى', 'ain defla;aindefla;3in defla;ain eddefla;عين الدفلي'],
  [45, 'Naâma', 'النعامة', 'naama;naâma;النعامه;نعامة'],
  [46, 'Aïn Témouchent', 'عين تموشنت', 'ain temouchent;temouchent;3in temouchent;ain t'],
  [47, 'Ghardaïa', 'غرداية', 'ghardaia;ghardaïa;ghardaya;gherdaia;غردايه'],
  [48, 'Relizane', 'غليزان', 'relizane;ghilizane;ghlizane;ighil izane'],
  [49, 'Timimoun', 'تيميمون', 'timimoun;timimun'],
  [50, 'Bordj Badji Mokhtar', 'برج باجي مختار', 'bordj badji mokhtar;bbm;badji mokhtar'],
  [51, 'Ouled Djellal', 'أولاد جلال', 'ouled djellal;ouled jellal;ouled djelal;اولاد جلال'],
  [52, 'Béni Abbès', 'بني عباس', 'beni abbes;beni abbès;bni abbes'],
  [53, 'In Salah', 'عين صالح', 'in salah;ain salah;3in salah'],
  [54, 'In Guezzam', 'عين قزام', 'in guezzam;ain guezzam;عين ڨزام'],
  [55, 'Touggourt', 'تقرت', 'touggourt;tougourt;tuggurt;توقرت'],
  [56, 'Djanet', 'جانت', 'djanet;janet'],
  [57, "El M'Ghair", 'المغير', 'el mghair;el m ghair;mghair;المغير'],
  [58, 'El Meniaa', 'المنيعة', 'el meniaa;el menia;menia;el golea;المنيعه'],
];

/** Big cities elsewhere that customers of these shops write (free text is kept for the rest). */
const OTHER_CITIES: [string, string][] = [
  ['Casablanca', 'casablanca;dar lbida;dar el beida;الدار البيضاء;كازا'],
  ['Rabat', 'rabat;الرباط'],
  ['Marrakech', 'marrakech;marrakesh;mrakech;مراكش'],
  ['Fès', 'fes;fez;fas;فاس'],
  ['Tanger', 'tanger;tangier;tanja;طنجة'],
  ['Agadir', 'agadir;أكادير'],
  ['Meknès', 'meknes;mknes;مكناس'],
  ['Oujda', 'oujda;wejda;وجدة'],
  ['Kénitra', 'kenitra;القنيطرة'],
  ['Tétouan', 'tetouan;tetuan;تطوان'],
  ['Tunis', 'tunis;تونس'],
  ['Sfax', 'sfax;صفاقس'],
  ['São Paulo', 'sao paulo;sp;sampa'],
  ['Rio de Janeiro', 'rio de janeiro;rio;rj'],
  ['Belo Horizonte', 'belo horizonte;bh'],
  ['Lisboa', 'lisboa;lisbon;lisbonne'],
  ['Porto', 'porto'],
  ['Paris', 'paris'],
  ['Marseille', 'marseille'],
  ['Lyon', 'lyon'],
  ['Roma', 'roma;rome'],
  ['Milano', 'milano;milan'],
];

export interface Place {
  /** Canonical name (what the order row and the courier CSV carry). */
  name: string;
  /** Wilaya code for Algeria; null elsewhere. */
  code: number | null;
  arabic: string | null;
}

interface Entry {
  place: Place;
  words: string[];
}

const norm = (s: string) => tokens(fold(s)).map(stripArabicArticle);

function build(): Entry[] {
  const out: Entry[] = [];
  for (const [code, name, arabic, spellings] of RAW) {
    const place = { name, code, arabic };
    for (const s of [name, arabic, ...spellings.split(';')]) {
      const w = norm(s);
      // One-letter / too-generic forms would fire on ordinary words.
      if (w.length && !(w.length === 1 && (w[0] ?? '').length < 3)) out.push({ place, words: w });
    }
  }
  for (const [name, spellings] of OTHER_CITIES) {
    for (const s of spellings.split(';')) {
      const w = norm(s);
      if (w.length && !(w.length === 1 && (w[0] ?? '').length < 3)) out.push({ place: { name, code: null, arabic: null }, words: w });
    }
  }
  // Longest forms first, so "sidi bel abbes" wins over "bel abbes" and "ain temouchent" over a shorter match.
  return out.sort((a, b) => b.words.length - a.words.length);
}

const ENTRIES = build();
const BY_NAME = new Map(ENTRIES.map((e) => [e.place.name, e.place]));

/** The wilaya or known city the text names, if any. "livraison l wahran" → Oran. */
export function findPlace(text: string): Place | null {
  const words = norm(text);
  for (const e of ENTRIES) {
    for (let i = 0; i + e.words.length <= words.length; i++) {
      if (e.words.every((w, j) => words[i + j] === w)) return e.place;
    }
  }
  const coded = /(?:wilaya|ولاية|wilayet|w)\s*(\d{1,2})\b/i.exec(text);
  if (coded) {
    const code = Number(coded[1]);
    const hit = RAW.find((r) => r[0] === code);
    if (hit) return { name: hit[1], code, arabic: hit[2] };
  }
  return null;
}

export const placeByName = (name: string): Place | undefined => BY_NAME.get(name);

/** Do two zone names mean the same place ("Oran" vs "وهران" vs "wahran")? Used for the delivery fee. */
export function samePlace(zoneName: string, place: Place): boolean {
  const zone = findPlace(zoneName);
  if (zone) return zone.name === place.name;
  return fold(zoneName).trim() === fold(place.name).trim();
}

export const WILAYA_COUNT = RAW.length;
