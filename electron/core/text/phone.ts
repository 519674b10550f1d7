import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { asciiDigits } from './fold';

/** A phone number found in a customer's text. */
export interface PhoneMatch {
  /**
   * What the order row stores: the national form (digits only, trunk prefix kept: "0550123456")
   * for a number of the shop's country, which is what its couriers dial; "+CC…" for any other.
   */
  phone: string;
  /** The same number in E.164 ("+213550123456"): for comparing two spellings of one number. */
  e164: string;
  /** ISO 3166 alpha-2 of the number, when the numbering plan tells. */
  country: string | null;
  /** The text as the customer wrote it, to remove before reading an address from the rest. */
  raw: string;
}

export interface PhoneOptions {
  /** The shop's country (ISO 3166): numbers written without a country code are read in its plan first. */
  country?: string | null;
}

/** Countries whose national formats are tried after the shop's own, in this order. */
const PHONE_COUNTRIES: readonly string[] = ['DZ', 'MA', 'TN', 'FR', 'IT', 'PT', 'BR'];

/** Candidates: a + or 00 then digits with the separators people type (spaces, dots, dashes, brackets). */
const CANDIDATE = /(?:\+|00)?\s?\(?\d[\d\s.\-()]{5,20}\d/g;
/** "12.03.2026", "12-03-26": a date, whatever a numbering plan would make of its digits. */
const DATE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

const isCountryCode = (c: string): c is CountryCode => /^[A-Z]{2}$/.test(c);

function parseCandidate(raw: string, home: string): PhoneMatch | null {
  if (DATE.test(raw.trim())) return null;
  const international = /^\s*(?:\+|00)/.test(raw);
  const cleaned = raw.replace(/^\s*00/, '+').replace(/[^\d+]/g, '');
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return null;
  const order = [home, ...PHONE_COUNTRIES.filter((c) => c !== home)];
  for (const country of international ? [home] : order) {
    if (!isCountryCode(country)) continue;
    const parsed = parsePhoneNumberFromString(cleaned, country);
    if (!parsed?.isValid()) continue;
    const own = parsed.country === home;
    const phone = own ? parsed.formatNational().replace(/\D/g, '') : parsed.number;
    return { phone, e164: parsed.number, country: parsed.country ?? null, raw: raw.trim() };
  }
  return null;
}

/**
 * Every phone number in the text, in order: national formats of the shop's country, then of the
 * other countries it may deliver to, or any "+CC" / "00CC" number. Prices, sizes, dates and
 * order numbers are not valid numbers in any plan and are skipped.
 */
export function findPhones(text: string, options: PhoneOptions = {}): PhoneMatch[] {
  const home = (options.country ?? 'DZ').toUpperCase();
  const out: PhoneMatch[] = [];
  for (const m of asciiDigits(text).matchAll(CANDIDATE)) {
    const found = parseCandidate(m[0], home);
    if (found) out.push({ ...found, raw: text.slice(m.index, m.index + m[0].length).trim() });
  }
  return out;
}

/** The first phone number in the text, or null ("mon num 07 70 12 34 56" → "0770123456"). */
export function findPhone(text: string, options: PhoneOptions = {}): PhoneMatch | null {
  return findPhones(text, options)[0] ?? null;
}

/** E.164 of a stored or typed number ("0550 12 34 56", "+213550123456", "213550123456"), or null. */
export function toE164(phone: string, options: PhoneOptions = {}): string | null {
  const trimmed = phone.trim();
  const plain = /^\d{11,15}$/.test(trimmed) && !trimmed.startsWith('0') ? `+${trimmed}` : trimmed;
  return findPhone(plain, options)?.e164 ?? null;
}

/**
 * A phone number (any formatting, national ones read in the shop's country) → the JID WhatsApp
 * uses for that person. A JID is returned as given; digits that no plan accepts are used as typed.
 */
export function phoneToJid(input: string, options: PhoneOptions = {}): string {
  const trimmed = input.trim();
  if (trimmed.includes('@')) return trimmed;
  const e164 = /^\+|^00/.test(trimmed) || /^0/.test(trimmed) ? toE164(trimmed, options) : null;
  return `${(e164 ?? trimmed).replace(/\D/g, '')}@s.whatsapp.net`;
}
