/**
 * A phone typed for a pairing code, made international before the request goes out. WhatsApp
 * wants the full number (country code, no trunk 0); sellers type it as they dial at home
 * ("0550 12 34 56"). Kept small and separate so the shop's country (when the shop has one)
 * replaces the currency guess in one place.
 */

/** Country calling codes by the shop's currency, where the currency names one country. */
const DIAL_BY_CURRENCY: Record<string, string> = {
  DZD: '213',
  MAD: '212',
  TND: '216',
  EGP: '20',
  BRL: '55',
  XOF: '221',
  SAR: '966',
  AED: '971',
  GBP: '44',
  USD: '1',
};

/** Country calling codes by ISO 3166 country, for shops that have a country. */
const DIAL_BY_COUNTRY: Record<string, string> = {
  DZ: '213',
  MA: '212',
  TN: '216',
  EG: '20',
  BR: '55',
  SN: '221',
  SA: '966',
  AE: '971',
  GB: '44',
  US: '1',
  FR: '33',
  IT: '39',
  PT: '351',
  ES: '34',
  BE: '32',
  DE: '49',
  CH: '41',
  CA: '1',
};

/** The shop's calling code: from its country when it has one, else from a one-country currency. */
export function shopDialCode(shop: { currency: string; country?: string | null }): string | null {
  if (shop.country) return DIAL_BY_COUNTRY[shop.country.toUpperCase()] ?? null;
  return DIAL_BY_CURRENCY[shop.currency.toUpperCase()] ?? null;
}

export type LinkPhone =
  | { ok: true; digits: string; changed: boolean }
  /** A local number (leading 0) and no country code we can be sure of: ask for +CC. */
  | { ok: false; reason: 'needs_country_code' | 'too_short' };

/** '+213 550…' / '00213 550…' as is; '0550 12 34 56' → '213550123456' with the shop's code. */
export function internationalPhone(typed: string, dialCode: string | null): LinkPhone {
  const trimmed = typed.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return digits.length >= 8 ? { ok: true, digits, changed: false } : { ok: false, reason: 'too_short' };
  if (digits.startsWith('00'))
    return digits.length >= 10 ? { ok: true, digits: digits.slice(2), changed: true } : { ok: false, reason: 'too_short' };
  if (digits.startsWith('0')) {
    if (digits.length < 8) return { ok: false, reason: 'too_short' };
    // Italy keeps the leading 0 of landlines after +39; mobiles start with 3 and have no trunk 0.
    if (!dialCode) return { ok: false, reason: 'needs_country_code' };
    return { ok: true, digits: dialCode === '39' ? `${dialCode}${digits}` : `${dialCode}${digits.slice(1)}`, changed: true };
  }
  if (digits.length < 8) return { ok: false, reason: 'too_short' };
  // No 0 and no +, and short enough to be national (at most 11 digits, Brazil's mobiles): a local
  // number without a trunk 0 (Italian mobiles "347…", Brazilian "(11) 9…", "550 12 34 56").
  if (digits.length <= 11 && dialCode && !digits.startsWith(dialCode)) return { ok: true, digits: `${dialCode}${digits}`, changed: true };
  return { ok: true, digits, changed: false };
}
