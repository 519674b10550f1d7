/**
 * The shop's country (ISO 3166 alpha-2). It picks the gazetteer's preferred places, the default
 * phone numbering plan and the dialect of the Darija templates. A seller sets it in Settings;
 * until then it is derived from the shop's currency and time zone.
 */

/** Countries the bot knows well (gazetteer, phone plan, dialect); any other ISO code is accepted too. */
export const SHOP_COUNTRIES = ['DZ', 'MA', 'TN', 'FR', 'IT', 'PT', 'BR'] as const;

/** Currencies that belong to one country. */
const BY_CURRENCY: Readonly<Record<string, string>> = {
  DZD: 'DZ', MAD: 'MA', TND: 'TN', BRL: 'BR', USD: 'US', GBP: 'GB', CAD: 'CA', CHF: 'CH', EGP: 'EG', SAR: 'SA', AED: 'AE',
  LYD: 'LY', MRU: 'MR', XOF: 'SN', TRY: 'TR', AOA: 'AO', MZN: 'MZ', CVE: 'CV',
};

/** Euro (and other shared-currency) countries by the shop's time zone. */
const BY_TIME_ZONE: Readonly<Record<string, string>> = {
  'Europe/Paris': 'FR', 'Europe/Rome': 'IT', 'Europe/Lisbon': 'PT', 'Atlantic/Madeira': 'PT', 'Atlantic/Azores': 'PT',
  'Europe/Madrid': 'ES', 'Europe/Brussels': 'BE', 'Europe/Berlin': 'DE', 'Europe/Amsterdam': 'NL', 'Europe/Luxembourg': 'LU',
  'Europe/Vienna': 'AT', 'Europe/Dublin': 'IE', 'Europe/Monaco': 'MC', 'Europe/Athens': 'GR', 'Europe/Malta': 'MT',
  'Africa/Algiers': 'DZ', 'Africa/Casablanca': 'MA', 'Africa/El_Aaiun': 'MA', 'Africa/Tunis': 'TN',
  'America/Sao_Paulo': 'BR', 'America/Fortaleza': 'BR', 'America/Recife': 'BR', 'America/Bahia': 'BR', 'America/Manaus': 'BR',
  'America/Belem': 'BR', 'America/Cuiaba': 'BR', 'America/Porto_Velho': 'BR',
};

const ISO = /^[A-Z]{2}$/;

/** A country code as stored: two upper-case letters, or null. */
export const normaliseCountry = (code: string | null | undefined): string | null => {
  const c = (code ?? '').trim().toUpperCase();
  return ISO.test(c) ? c : null;
};

/**
 * The country a shop most likely sells from: MAD → MA, TND → TN, DZD → DZ, BRL → BR; EUR by time
 * zone (Europe/Rome → IT, Europe/Lisbon → PT, Europe/Paris → FR); otherwise the time zone alone;
 * Algeria when nothing tells (the default time zone of a new shop).
 */
export function deriveCountry(currency: string | null | undefined, timeZone: string | null | undefined): string {
  const byCurrency = BY_CURRENCY[(currency ?? '').toUpperCase()];
  if (byCurrency) return byCurrency;
  const byZone = BY_TIME_ZONE[timeZone ?? ''];
  if (byZone) return byZone;
  if ((currency ?? '').toUpperCase() === 'EUR') return 'FR';
  return 'DZ';
}

/** The shop's own setting when there is one, else the derivation. */
export const shopCountry = (set: string | null | undefined, currency: string | null | undefined, timeZone: string | null | undefined): string =>
  normaliseCountry(set) ?? deriveCountry(currency, timeZone);

/** Which Darija the templates speak for a Maghreb shop's customers. */
export type Dialect = 'dz' | 'ma' | 'tn';
export const dialectOf = (country: string): Dialect => (country === 'MA' ? 'ma' : country === 'TN' ? 'tn' : 'dz');
