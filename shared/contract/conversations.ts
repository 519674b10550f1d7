import { z } from 'zod';
import { Conversation, ConversationStatus, Id, Message } from '../domain/schemas';
import { call } from './define';

export const ConversationPage = z.object({
  items: z.array(Conversation),
  total: z.number().int().nonnegative(),
  /** A search stopped counting: `total` is a lower bound (shown as "1,000+"). */
  totalCapped: z.boolean().optional(),
});

export const conversationsCalls = {
  'conversations/list': call(
    "A page of a shop's conversations, newest activity first, optionally filtered by status and full-text query.",
    z
      .object({
        shopId: Id,
        status: ConversationStatus.optional(),
        query: z.string().max(200).optional(),
        offset: z.number().int().nonnegative().default(0),
        /** Keyset paging: the last row of the previous page; when given, `offset` is ignored. */
        after: z.object({ lastMessageAt: z.string().nullable(), id: Id }).strict().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    ConversationPage,
  ),
  'conversations/list-messages': call(
    'Messages of one conversation, oldest first (the newest `limit`).',
    z.object({ shopId: Id, conversationId: Id, limit: z.number().int().min(1).max(500).default(200) }).strict(),
    z.array(Message),
  ),
} as const;
