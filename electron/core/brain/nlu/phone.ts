import { asciiDigits } from './normalise';

export interface PhoneMatch {
  /** Digits with a leading + when international: what the order row stores. */
  phone: string;
  /** The text as the customer wrote it, to remove before reading an address from the rest. */
  raw: string;
}

/** Candidates: a + or 0 then digits with the separators people type (spaces, dots, dashes, brackets). */
const CANDIDATE = /(?:\+|00)?\(?\d[\d\s.\-()]{6,18}\d/g;

/** Country rules: [international prefix, national-significant digit pattern]. */
const COUNTRIES: [string, RegExp][] = [
  ['213', /^[567]\d{8}$|^[23]\d{7}$/], // Algeria mobile 5/6/7 + 8, landline
  ['212', /^[5-7]\d{8}$/], // Morocco
  ['216', /^[2-9]\d{7}$/], // Tunisia
  ['55', /^\d{2}9?\d{8}$/], // Brazil DDD + (9) + 8
  ['351', /^9\d{8}$|^2\d{8}$/], // Portugal
  ['39', /^3\d{8,9}$|^0\d{6,10}$/], // Italy
  ['33', /^[1-9]\d{8}$/], // France
  ['1', /^\d{10}$/],
  ['44', /^7\d{9}$/],
];

function classify(digits: string, hadPlus: boolean): string | null {
  if (hadPlus) {
    for (const [cc, rule] of COUNTRIES) {
      if (!digits.startsWith(cc)) continue;
      const rest = digits.slice(cc.length);
      if (rule.test(rest)) return `+${digits}`;
      // "+213 (0) 550…": the national trunk zero written after the country code.
      if (rest.startsWith('0') && rule.test(rest.slice(1))) return `+${cc}${rest.slice(1)}`;
    }
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  // National forms: Algerian / Moroccan 0 + 9 digits, Brazilian (DDD) 9xxxx-xxxx, Italian 3xx…
  if (/^0[5-7]\d{8}$/.test(digits) || /^0[23]\d{7,8}$/.test(digits)) return digits;
  if (/^0?[1-9]\d9\d{8}$/.test(digits) || /^[1-9]\d9\d{8}$/.test(digits)) return digits.replace(/^0/, '');
  if (/^3\d{9}$/.test(digits) || /^9\d{8}$/.test(digits)) return digits;
  if (/^0\d{9}$/.test(digits)) return digits;
  return null;
}

/** The first phone number in the text, or null. Prices, sizes and dates are not phones. */
export function findPhone(text: string): PhoneMatch | null {
  const ascii = asciiDigits(text);
  for (const m of ascii.matchAll(CANDIDATE)) {
    const raw = m[0];
    const hadPlus = raw.startsWith('+') || raw.startsWith('00');
    const digits = raw.replace(/\D/g, '').replace(/^00/, '');
    const phone = classify(digits, hadPlus);
    if (phone) return { phone, raw };
  }
  return null;
}
