import type { Locale } from '../../i18n/define';

/** "14:05" today, "12 mars" this year, else a short date; in the seller's language. */
export function formatWhen(iso: string | null, locale: Locale, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const sameDay = at.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : at.getFullYear() === now.getFullYear()
      ? { day: 'numeric', month: 'short' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
  // Western digits in Arabic too: sellers in the Maghreb read prices and times that way.
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-DZ-u-nu-latn' : locale, options).format(at);
}

/** A WhatsApp JID as a phone number a person recognises. */
export function displayJid(jid: string): string {
  const user = jid.split('@')[0] ?? jid;
  return /^\d+$/.test(user) ? `+${user}` : user;
}
