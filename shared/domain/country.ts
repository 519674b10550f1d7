/**
 * The shop's country (ISO 3166 alpha-2). It picks the gazetteer's preferred places, the default
 * phone numbering plan and the dialect of the Darija templates. A seller sets it in Settings;
 * until then it is derived from the shop's currency and time zone. Pure: core and the Settings
 * page use the same rules.
 */

/** Countries the bot knows well (gazetteer, phone plan, dialect); any other ISO code is accepted too. */
export const SHOP_COUNTRIES = ['DZ', 'MA', 'TN', 'FR', 'IT', 'PT', 'BR'] as const;

/** Currencies that belong to one country. */
const BY_CURRENCY: Readonly<Record<string, string>> = {
  DZD: 'DZ',
  MAD: 'MA',
  TND: 'TN',
  BRL: 'BR',
  USD: 'US',
  GBP: 'GB',
  CAD: 'CA',
  CHF: 'CH',
  EGP: 'EG',
  SAR: 'SA',
  AED: 'AE',
  LYD: 'LY',
  MRU: 'MR',
  TRY: 'TR',
  AOA: 'AO',
  MZN: 'MZ',
  CVE: 'CV',
};

/** Euro (and other shared-currency) countries by the shop's time zone. */
const BY_TIME_ZONE: Readonly<Record<string, string>> = {
  'Europe/Paris': 'FR',
  'Europe/Rome': 'IT',
  'Europe/Lisbon': 'PT',
  'Atlantic/Madeira': 'PT',
  'Atlantic/Azores': 'PT',
  'Europe/Madrid': 'ES',
  'Europe/Brussels': 'BE',
  'Europe/Berlin': 'DE',
  'Europe/Amsterdam': 'NL',
  'Europe/Luxembourg': 'LU',
  'Europe/Vienna': 'AT',
  'Europe/Dublin': 'IE',
  'Europe/Monaco': 'MC',
  'Europe/Athens': 'GR',
  'Europe/Malta': 'MT',
  'Africa/Algiers': 'DZ',
  'Africa/Casablanca': 'MA',
  'Africa/El_Aaiun': 'MA',
  'Africa/Tunis': 'TN',
  'America/Sao_Paulo': 'BR',
  'America/Fortaleza': 'BR',
  'America/Recife': 'BR',
  'America/Bahia': 'BR',
  'America/Manaus': 'BR',
  'America/Belem': 'BR',
  'America/Cuiaba': 'BR',
  'America/Porto_Velho': 'BR',
};

/** A country code as stored: two upper-case letters, or null. */
export const normaliseCountry = (code: string | null | undefined): string | null => {
  const c = (code ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(c) ? c : null;
};

/**
 * The country a shop most likely sells from: MAD → MA, TND → TN, DZD → DZ, BRL → BR; EUR by time
 * zone (Europe/Rome → IT, Europe/Lisbon → PT, Europe/Paris → FR); otherwise the time zone alone;
 * Algeria when nothing tells (the default time zone of a new shop).
 */
export function deriveCountry(currency: string | null | undefined, timeZone: string | null | undefined): string {
  const code = (currency ?? '').toUpperCase();
  const byCurrency = BY_CURRENCY[code];
  if (byCurrency) return byCurrency;
  const byZone = BY_TIME_ZONE[timeZone ?? ''];
  // A euro shop that kept the default (Algerian) time zone still sells in the euro area.
  if (code === 'EUR') return byZone && /^(Europe|Atlantic)\//.test(timeZone ?? '') ? byZone : 'FR';
  return byZone ?? 'DZ';
}

/** The shop's own setting when there is one, else the derivation. */
export const shopCountry = (
  set: string | null | undefined,
  currency: string | null | undefined,
  timeZone: string | null | undefined,
): string => normaliseCountry(set) ?? deriveCountry(currency, timeZone);

/** Which Darija the templates speak for a Maghreb shop's customers. */
export type Dialect = 'dz' | 'ma' | 'tn';
export const dialectOf = (country: string): Dialect => (country === 'MA' ? 'ma' : country === 'TN' ? 'tn' : 'dz');

const CURRENCY_OF: Readonly<Record<string, string>> = {
  DZ: 'DZD',
  MA: 'MAD',
  TN: 'TND',
  BR: 'BRL',
  FR: 'EUR',
  IT: 'EUR',
  PT: 'EUR',
  ES: 'EUR',
  BE: 'EUR',
  DE: 'EUR',
  US: 'USD',
  GB: 'GBP',
};

/** The currency a shop of that country most likely prices in (when no product says). */
export const currencyOfCountry = (country: string): string => CURRENCY_OF[country] ?? 'DZD';
