import { WhatsAppNotice } from './notices';
import { z } from 'zod';
import { AccountStatus, Id, IsoTime } from './schemas';

/** How a number is linked: scanning a QR code, or typing an 8-character code on the phone. */
export const LinkMethod = z.enum(['qr', 'pairing-code']);
export type LinkMethod = z.infer<typeof LinkMethod>;

/**
 * Who the bot answers on one number: everyone; everyone except the seller's excluded list
 * (family, suppliers); or only new contacts (numbers not saved in the phone's address book,
 * and not excluded).
 */
export const AnswerMode = z.enum(['everyone', 'not_excluded', 'new_only']);
export type AnswerMode = z.infer<typeof AnswerMode>;

/** A phone number as the seller types it (+213 550 00 00 01) or a WhatsApp JID. */
export const PhoneOrJid = z
  .string()
  .trim()
  .regex(/^(\+?[\d\s().-]{6,24}|[\w.:-]+@(s\.whatsapp\.net|lid|g\.us))$/, 'A phone number such as +213550000001');

export const ExcludedContact = z.object({ jid: z.string(), name: z.string().nullable() });
export type ExcludedContact = z.infer<typeof ExcludedContact>;

export const AnswerPolicy = z.object({
  accountId: Id,
  mode: AnswerMode,
  excluded: z.array(ExcludedContact),
  /** Group JIDs the seller opted in; every other group is ignored. */
  groups: z.array(z.string()),
  /** Messages that arrive on reconnect and are older than this are stored but not answered. */
  catchUpMaxHours: z
    .number()
    .min(0)
    .max(24 * 14),
  /** Import recent chats as context (never answered). Off by default. */
  historySync: z.boolean(),
});
export type AnswerPolicy = z.infer<typeof AnswerPolicy>;

/** A contact synced from the phone, offered when the seller fills the excluded list. */
export const WaContact = z.object({ jid: z.string(), name: z.string().nullable(), saved: z.boolean() });
export type WaContact = z.infer<typeof WaContact>;

/** The gentler sending pace of a newly linked number (anti-ban ramp), shown in settings. */
export const NewNumberRamp = z.object({
  /** Day since linking, 1-based. */
  day: z.number().int().positive(),
  /** Multiplier on the pipeline's pacing limits (1 once the ramp is over). */
  rateFactor: z.number().positive().max(1),
  /** Most new conversations the bot starts replying in per day during the ramp; null once over. */
  newChatsPerDay: z.number().int().positive().nullable(),
});
export type NewNumberRamp = z.infer<typeof NewNumberRamp>;

/** One linked number as the Connect page shows it. */
export const WaAccountView = z.object({
  accountId: Id,
  shopId: Id,
  label: z.string(),
  phone: z.string().nullable(),
  status: AccountStatus,
  /** What the card says about the state and what to do next (worded by the UI). */
  detail: WhatsAppNotice.nullable(),
  linkedAt: IsoTime.nullable(),
  lastConnectedAt: IsoTime.nullable(),
  /** Set while the number is not connected; the page warns after a minute. */
  disconnectedSince: IsoTime.nullable(),
  decryptFailures: z.number().int().nonnegative(),
  today: z.object({ received: z.number().int().nonnegative(), sent: z.number().int().nonnegative() }),
  ramp: NewNumberRamp.nullable(),
});
export type WaAccountView = z.infer<typeof WaAccountView>;
