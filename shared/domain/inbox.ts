import { z } from 'zod';
import { Id } from './schemas';

export const QuickReply = z.object({
  id: Id,
  shopId: Id,
  /** Inserted by typing `/` + name in the reply bar. */
  name: z.string(),
  text: z.string(),
});
export type QuickReply = z.infer<typeof QuickReply>;

/** One bubble on the test phone: what the customer's phone shows (one per message id). */
export const PhoneMessage = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  text: z.string(),
  at: z.string(),
  status: z.string(),
});
export type PhoneMessage = z.infer<typeof PhoneMessage>;
