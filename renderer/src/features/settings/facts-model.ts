import type { PacingChoice, PublicShopSettings, ShopSettingsPatch } from '../../../../shared/domain/settings';

/** One editable row of the delivery zones table: text while typing, numbers once saved. */
export interface ZoneRow {
  /** A stable React key for the row (rows have no id until saved). */
  key: string;
  name: string;
  fee: string;
  delayDays: string;
}

export interface FactsForm {
  zones: ZoneRow[];
  paymentMethods: string[];
  /** Methods the seller typed that are not in the known list (comma separated). */
  otherPayments: string;
  returnPolicy: string;
  openingHours: string;
  /** The shop's own web addresses, one per line. */
  shopLinks: string;
  timeZone: string;
  introduceAsAssistant: boolean;
  /** Minutes the bot stays quiet after the seller answers from the phone (0 = until given back). */
  phoneTakeoverMinutes: number;
  /** Days without a message after which a customer's data is deleted (0 = never). */
  retentionDays: number;
  /** How fast replies go out (the ban trade-off); proactive messages are always careful. */
  pacing: PacingChoice;
}

export const PACING_CHOICES: readonly PacingChoice[] = ['careful', 'normal', 'fast'];

/** Payment methods offered as checkboxes; anything else goes in the free-text field. */
export const KNOWN_PAYMENTS = [
  'cash_on_delivery',
  'ccp',
  'baridimob',
  'cib_edahabia',
  'card',
  'bank_transfer',
  'pix',
  'boleto',
  'paypal',
] as const;
export type KnownPayment = (typeof KNOWN_PAYMENTS)[number];

export const isKnownPayment = (m: string): m is KnownPayment => (KNOWN_PAYMENTS as readonly string[]).includes(m);

export const newZoneRow = (over: Partial<Omit<ZoneRow, 'key'>> = {}): ZoneRow => ({
  key: crypto.randomUUID(),
  name: '',
  fee: '',
  delayDays: '',
  ...over,
});

export function factsFormFrom(settings: PublicShopSettings): FactsForm {
  const methods = settings.facts.paymentMethods;
  return {
    zones: settings.facts.deliveryZones.map((z) => newZoneRow({ name: z.name, fee: String(z.fee), delayDays: z.delayDays })),
    paymentMethods: methods.filter(isKnownPayment),
    otherPayments: methods.filter((m) => !isKnownPayment(m)).join(', '),
    returnPolicy: settings.facts.returnPolicy,
    openingHours: settings.facts.openingHours,
    shopLinks: settings.facts.shopLinks.join('\n'),
    timeZone: settings.facts.timeZone,
    introduceAsAssistant: settings.bot.introduceAsAssistant,
    phoneTakeoverMinutes: settings.bot.phoneTakeoverMinutes,
    retentionDays: settings.bot.retentionDays,
    pacing: settings.bot.pacing,
  };
}

/** "1 500", "1500,50", "٤٠٠" → a number; anything else → null. */
export function parseFee(text: string): number | null {
  const ascii = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(ascii)) return null;
  return Number(ascii);
}

export type FactsErrors = Partial<Record<`zone-${string}-name` | `zone-${string}-fee` | 'timeZone' | 'payments', string>>;

/** Error keys (for i18n) per field; empty rows are ignored, half-filled rows are errors. */
export function validateFacts(form: FactsForm, isValidTimeZone: (tz: string) => boolean): FactsErrors {
  const errors: FactsErrors = {};
  for (const row of form.zones) {
    const blank = !row.name.trim() && !row.fee.trim() && !row.delayDays.trim();
    if (blank) continue;
    if (!row.name.trim()) errors[`zone-${row.key}-name`] = 'errZoneName';
    if (parseFee(row.fee) === null) errors[`zone-${row.key}-fee`] = 'errZoneFee';
  }
  if (!isValidTimeZone(form.timeZone.trim())) errors.timeZone = 'errTimeZone';
  if (form.paymentMethods.length === 0 && !form.otherPayments.trim()) errors.payments = 'errPayments';
  return errors;
}

export function factsPatchFrom(form: FactsForm): ShopSettingsPatch {
  const zones = form.zones
    .filter((z) => z.name.trim() || z.fee.trim() || z.delayDays.trim())
    .map((z) => ({ name: z.name.trim(), fee: parseFee(z.fee) ?? 0, delayDays: z.delayDays.trim() }));
  const other = form.otherPayments
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  return {
    facts: {
      deliveryZones: zones,
      paymentMethods: [...KNOWN_PAYMENTS.filter((m) => form.paymentMethods.includes(m)), ...other],
      returnPolicy: form.returnPolicy.trim(),
      openingHours: form.openingHours.trim(),
      shopLinks: form.shopLinks
        .split(/[\n,\s]+/)
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(0, 20),
      timeZone: form.timeZone.trim(),
    },
    bot: {
      introduceAsAssistant: form.introduceAsAssistant,
      phoneTakeoverMinutes: Math.max(0, Math.min(10_080, Math.round(form.phoneTakeoverMinutes) || 0)),
      retentionDays: Math.max(0, Math.min(3650, Math.round(form.retentionDays) || 0)),
      pacing: form.pacing,
    },
  };
}

/** Uses the platform's own zone database, so the list is never stale. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
