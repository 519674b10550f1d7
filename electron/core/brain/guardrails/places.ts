import { WILAYAS_DZ } from '../../text';
import { fold } from './text';

/**
 * Places a delivery promise may name: Algeria's 58 wilayas, each with its French, Arabic and common
 * Darija spellings (one group per wilaya, so a zone written "Constantine" covers "قسنطينة"), read
 * from the language layer's one wilaya table (text/places-dz.ts), and the "everywhere" phrases.
 * Spellings are folded; forms of one or two letters ("dz") are left out: they would match codes.
 */
const WILAYA_GROUPS: ReadonlyArray<readonly string[]> = WILAYAS_DZ.map(([, name, arabic, spellings]) => [
  ...new Set([name, arabic, ...spellings.split(';')].map((x) => fold(x).trim()).filter((x) => x.length > 2)),
]);

export const WILAYAS: readonly string[] = WILAYA_GROUPS.flat();

/** Every spelling of the wilaya a spelling belongs to, compared folded (the checks see folded text). */
export function spellingsOf(place: string, foldText: (s: string) => string): readonly string[] {
  const target = foldText(place);
  return WILAYA_GROUPS.find((group) => group.some((s) => foldText(s) === target))?.map(foldText) ?? [target];
}

/** Phrases that promise delivery everywhere (a country, all wilayas, worldwide). */
export const EVERYWHERE: readonly string[] = [
  'partout',
  'toutes les wilayas',
  'tout le territoire',
  "toute l'algerie",
  'les 58 wilayas',
  '58 wilayas',
  "a l'etranger",
  'international',
  'internationale',
  'worldwide',
  'everywhere',
  'all wilayas',
  'all over',
  'abroad',
  'all cities',
  'todo o brasil',
  'todo brasil',
  'todas as cidades',
  'mundo todo',
  'exterior',
  'internacional',
  'كل الولايات',
  'جميع الولايات',
  'كامل الولايات',
  'كامل التراب',
  'جميع انحاء',
  'كل مكان',
  'الخارج',
  'ga3 lwilayat',
  'ga3 les wilayas',
  'kamel lwilayat',
  '58 wilaya',
];
