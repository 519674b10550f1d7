/**
 * Places a delivery promise may name: Algeria's 58 wilayas (French and Arabic spellings) and the
 * "everywhere" phrases. Used only to catch promises of delivery where the shop facts list no zone.
 */
export const WILAYAS: readonly string[] = [
  'adrar', 'chlef', 'laghouat', 'oum el bouaghi', 'batna', 'bejaia', 'biskra', 'bechar', 'blida', 'bouira',
  'tamanrasset', 'tebessa', 'tlemcen', 'tiaret', 'tizi ouzou', 'alger', 'algiers', 'djelfa', 'jijel', 'setif',
  'saida', 'skikda', 'sidi bel abbes', 'annaba', 'guelma', 'constantine', 'medea', 'mostaganem', 'msila', "m'sila",
  'mascara', 'ouargla', 'oran', 'el bayadh', 'illizi', 'bordj bou arreridj', 'boumerdes', 'el tarf', 'tindouf',
  'tissemsilt', 'el oued', 'khenchela', 'souk ahras', 'tipaza', 'mila', 'ain defla', 'naama', 'ain temouchent',
  'ghardaia', 'relizane', 'timimoun', 'bordj badji mokhtar', 'ouled djellal', 'beni abbes', 'in salah',
  'in guezzam', 'touggourt', 'djanet', "el m'ghair", 'el meniaa',
  'ادرار', 'الشلف', 'الاغواط', 'ام البواقي', 'باتنه', 'بجايه', 'بسكره', 'بشار', 'البليده', 'البويره', 'تمنراست',
  'تبسه', 'تلمسان', 'تيارت', 'تيزي وزو', 'الجزائر العاصمه', 'العاصمه', 'الجلفه', 'جيجل', 'سطيف', 'سعيده', 'سكيكده',
  'سيدي بلعباس', 'عنابه', 'قالمه', 'قسنطينه', 'المديه', 'مستغانم', 'المسيله', 'معسكر', 'ورقله', 'وهران', 'البيض',
  'اليزي', 'برج بوعريريج', 'بومرداس', 'الطارف', 'تندوف', 'تيسمسيلت', 'الوادي', 'خنشله', 'سوق اهراس', 'تيبازه',
  'ميله', 'عين الدفلي', 'النعامه', 'عين تموشنت', 'غردايه', 'غليزان', 'تيميمون', 'برج باجي مختار', 'اولاد جلال',
  'بني عباس', 'عين صالح', 'عين قزام', 'تقرت', 'جانت', 'المغير', 'المنيعه',
  'dzayer', 'wahran', 'qsentina', 'bjaya', 'stif', '3annaba', 'tizi',
];

/** Phrases that promise delivery everywhere (a country, all wilayas, worldwide). */
export const EVERYWHERE: readonly string[] = [
  'partout', 'toutes les wilayas', 'tout le territoire', "toute l'algerie", 'les 58 wilayas', '58 wilayas', 'a l\'etranger',
  'international', 'internationale', 'worldwide', 'everywhere', 'all wilayas', 'all over', 'abroad', 'all cities',
  'todo o brasil', 'todo brasil', 'todas as cidades', 'mundo todo', 'exterior', 'internacional',
  'كل الولايات', 'جميع الولايات', 'كامل الولايات', 'كامل التراب', 'جميع انحاء', 'كل مكان', 'الخارج',
  'ga3 lwilayat', 'ga3 les wilayas', 'kamel lwilayat', '58 wilaya',
];
