/**
 * Places a delivery promise may name: Algeria's 58 wilayas, each with its French, Arabic and common
 * Darija spellings (one group per wilaya, so a zone written "Constantine" covers "قسنطينة"), and the
 * "everywhere" phrases. Spellings are folded (see text.ts: no accents, ة→ه, أ→ا).
 */
export const WILAYA_GROUPS: ReadonlyArray<readonly string[]> = [
  ['adrar', 'ادرار'], ['chlef', 'الشلف', 'chlef'], ['laghouat', 'الاغواط'], ['oum el bouaghi', 'ام البواقي'], ['batna', 'باتنه'],
  ['bejaia', 'بجايه', 'bjaya', 'vgayet'], ['biskra', 'بسكره'], ['bechar', 'بشار'], ['blida', 'البليده'], ['bouira', 'البويره'],
  ['tamanrasset', 'تمنراست'], ['tebessa', 'تبسه'], ['tlemcen', 'تلمسان'], ['tiaret', 'تيارت'], ['tizi ouzou', 'تيزي وزو', 'tizi'],
  ['alger', 'algiers', 'الجزائر العاصمه', 'العاصمه', 'الجزائر', 'dzayer', 'lasima', 'el djazair'], ['djelfa', 'الجلفه'], ['jijel', 'جيجل'], ['setif', 'سطيف', 'stif'], ['saida', 'سعيده'],
  ['skikda', 'سكيكده'], ['sidi bel abbes', 'سيدي بلعباس', 'bel abbes'], ['annaba', 'عنابه', '3annaba'], ['guelma', 'قالمه'], ['constantine', 'قسنطينه', 'qsentina', 'ksentina'],
  ['medea', 'المديه'], ['mostaganem', 'مستغانم', 'mosta'], ['msila', "m'sila", 'المسيله'], ['mascara', 'معسكر'], ['ouargla', 'ورقله'],
  ['oran', 'وهران', 'wahran'], ['el bayadh', 'البيض'], ['illizi', 'اليزي'], ['bordj bou arreridj', 'برج بوعريريج', 'bordj'], ['boumerdes', 'بومرداس'],
  ['el tarf', 'الطارف'], ['tindouf', 'تندوف'], ['tissemsilt', 'تيسمسيلت'], ['el oued', 'الوادي'], ['khenchela', 'خنشله'],
  ['souk ahras', 'سوق اهراس'], ['tipaza', 'تيبازه'], ['mila', 'ميله'], ['ain defla', 'عين الدفلي'], ['naama', 'النعامه'],
  ['ain temouchent', 'عين تموشنت'], ['ghardaia', 'غردايه'], ['relizane', 'غليزان'], ['timimoun', 'تيميمون'], ['bordj badji mokhtar', 'برج باجي مختار'],
  ['ouled djellal', 'اولاد جلال'], ['beni abbes', 'بني عباس'], ['in salah', 'عين صالح'], ['in guezzam', 'عين قزام'], ['touggourt', 'تقرت'],
  ['djanet', 'جانت'], ["el m'ghair", 'المغير'], ['el meniaa', 'المنيعه'],
];

export const WILAYAS: readonly string[] = WILAYA_GROUPS.flat();

/** Every spelling of the wilaya a spelling belongs to, compared folded (the checks see folded text). */
export function spellingsOf(place: string, foldText: (s: string) => string): readonly string[] {
  const target = foldText(place);
  return WILAYA_GROUPS.find((group) => group.some((s) => foldText(s) === target))?.map(foldText) ?? [target];
}

/** Phrases that promise delivery everywhere (a country, all wilayas, worldwide). */
export const EVERYWHERE: readonly string[] = [
  'partout', 'toutes les wilayas', 'tout le territoire', "toute l'algerie", 'les 58 wilayas', '58 wilayas', "a l'etranger",
  'international', 'internationale', 'worldwide', 'everywhere', 'all wilayas', 'all over', 'abroad', 'all cities',
  'todo o brasil', 'todo brasil', 'todas as cidades', 'mundo todo', 'exterior', 'internacional',
  'كل الولايات', 'جميع الولايات', 'كامل الولايات', 'كامل التراب', 'جميع انحاء', 'كل مكان', 'الخارج',
  'ga3 lwilayat', 'ga3 les wilayas', 'kamel lwilayat', '58 wilaya',
];
