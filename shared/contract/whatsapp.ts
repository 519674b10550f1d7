import { z } from 'zod';
import { Id, IsoTime } from '../domain/schemas';
import { AnswerMode, AnswerPolicy, LinkMethod, PhoneOrJid, WaAccountView, WaContact } from '../domain/whatsapp';
import { call, event } from './define';

const OnAccount = { shopId: Id, accountId: Id };

export const whatsappCalls = {
  'wa/start-link': call(
    'Start linking a WhatsApp number by QR code or pairing code (a new number, or re-linking accountId).',
    z
      .object({
        shopId: Id,
        method: LinkMethod,
        phone: PhoneOrJid.optional(),
        accountId: Id.optional(),
        label: z.string().trim().max(60).optional(),
      })
      .strict()
      .refine((v) => v.method !== 'pairing-code' || Boolean(v.phone), {
        message: 'A pairing code needs the phone number',
        path: ['phone'],
      }),
    z.object({ accountId: Id }),
  ),
  'wa/cancel-link': call(
    'Stop a linking in progress; a number that never linked is forgotten.',
    z.object(OnAccount).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  'wa/connect': call('Reconnect a linked number that was disconnected, stopped or replaced.', z.object(OnAccount).strict(), WaAccountView),
  'wa/disconnect': call(
    'Disconnect a linked number without unlinking it (it stays linked on the phone).',
    z.object(OnAccount).strict(),
    WaAccountView,
  ),
  'wa/remove': call(
    'Unlink a number: log out on WhatsApp and delete its keys; its conversations are kept.',
    z.object(OnAccount).strict(),
    z.object({ removed: z.boolean() }),
  ),
  'wa/get-overview': call(
    'Every linked WhatsApp number of a shop with status, phone and message counts today.',
    z.object({ shopId: Id }).strict(),
    z.array(WaAccountView),
  ),
  'wa/get-answer-policy': call(
    'Who the bot answers on one number, and its catch-up and history settings.',
    z.object(OnAccount).strict(),
    AnswerPolicy,
  ),
  'wa/set-answer-policy': call(
    'Change who the bot answers on one number, opted-in groups, catch-up age or history sync.',
    z
      .object({
        ...OnAccount,
        mode: AnswerMode.optional(),
        groups: z
          .array(z.string().regex(/^[\d-]+@g\.us$/, 'A group JID such as 120363000000000000@g.us'))
          .max(100)
          .optional(),
        catchUpMaxHours: z
          .number()
          .min(0)
          .max(24 * 14)
          .optional(),
        historySync: z.boolean().optional(),
      })
      .strict(),
    AnswerPolicy,
  ),
  'wa/set-excluded': call(
    'Replace the list of numbers the bot never answers on one number (family, suppliers).',
    z
      .object({
        ...OnAccount,
        contacts: z.array(z.object({ jid: PhoneOrJid, name: z.string().trim().max(80).nullable().optional() }).strict()).max(2000),
      })
      .strict(),
    AnswerPolicy,
  ),
  'wa/list-contacts': call(
    'Contacts synced from the phone, to pick the excluded list from.',
    z.object({ ...OnAccount, query: z.string().trim().max(80).optional() }).strict(),
    z.array(WaContact),
  ),
} as const;

export const whatsappEvents = {
  /** A new QR code to scan while linking; expiresAt ends the linking window. */
  'wa/qr': event(
    'A new QR code to scan while linking; expiresAt ends the linking window.',
    z.object({ shopId: Id, accountId: Id, dataUrl: z.string(), expiresAt: IsoTime }),
  ),
  /** The pairing code to type on the phone while linking. */
  'wa/pairing-code': event(
    'The pairing code to type on the phone while linking.',
    z.object({ shopId: Id, accountId: Id, code: z.string(), expiresAt: IsoTime }),
  ),
} as const;
