import { z } from 'zod';
import { Id } from '../domain/schemas';
import { call } from './define';

export const ErasedContact = z.object({
  messages: z.number().int().nonnegative(),
  mediaFiles: z.number().int().nonnegative(),
  ordersAnonymised: z.number().int().nonnegative(),
  learnedEntries: z.number().int().nonnegative(),
});

export const contactsCalls = {
  /** The one deletion path for a customer's data (their request, retention, a profile delete). */
  'contacts/delete': call(
    'Delete everything personal of one customer: messages, search entries, media, learned answers quoting them; their orders keep amounts but lose name, phone and address.',
    z.object({ shopId: Id, contactId: Id }).strict(),
    ErasedContact,
  ),
} as const;
