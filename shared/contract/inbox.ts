import { z } from 'zod';
import { PhoneMessage, QuickReply } from '../domain/inbox';
import { Contact, Conversation, Id, Message } from '../domain/schemas';
import { call } from './define';

const InConversation = { shopId: Id, conversationId: Id };
const Text = z.string().trim().min(1, 'The message is empty').max(4096);
const QuickReplyName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_-]{1,40}$/u, 'A quick reply name is one word (letters, digits, - or _)');

export const inboxCalls = {
  'conversations/reply': call(
    'Send a message from the seller in a conversation.',
    z.object({ ...InConversation, text: Text }).strict(),
    Message,
  ),
  'conversations/set-takeover': call(
    'Take a conversation over from the bot (true) or give it back (false).',
    z.object({ ...InConversation, takeover: z.boolean() }).strict(),
    Conversation,
  ),
  'conversations/set-status': call(
    'Resolve or reopen a conversation.',
    z.object({ ...InConversation, status: z.enum(['open', 'resolved']) }).strict(),
    Conversation,
  ),
  'conversations/mark-read': call(
    'Mark every message of a conversation as read by the seller.',
    z.object(InConversation).strict(),
    Conversation,
  ),
  'drafts/approve': call(
    'Send a reply the bot drafted in approval mode, optionally edited.',
    z.object({ shopId: Id, messageId: Id, text: Text.optional() }).strict(),
    Message,
  ),
  'drafts/reject': call('Discard a reply the bot drafted in approval mode.', z.object({ shopId: Id, messageId: Id }).strict(), Message),
  'contacts/set-blocked': call(
    'Block or unblock a contact: a blocked contact is never answered.',
    z.object({ shopId: Id, contactId: Id, blocked: z.boolean() }).strict(),
    Contact,
  ),
  'quick-replies/list': call("The seller's canned answers.", z.object({ shopId: Id }).strict(), z.array(QuickReply)),
  'quick-replies/save': call(
    'Create or update a canned answer.',
    z.object({ shopId: Id, id: Id.optional(), name: QuickReplyName, text: Text }).strict(),
    QuickReply,
  ),
  'quick-replies/delete': call('Delete a canned answer.', z.object({ shopId: Id, id: Id }).strict(), z.object({ deleted: z.boolean() })),
  'testphone/send': call(
    "Type as a customer on the seller's test phone; the bot answers as it would on WhatsApp.",
    z
      .object({
        shopId: Id,
        from: z
          .string()
          .regex(/^\+?\d{6,15}$/, 'A phone number such as +213550000001')
          .default('+10000000001'),
        text: Text,
      })
      .strict(),
    z.object({ conversationId: Id, messageId: Id }),
  ),
  'testphone/get-thread': call(
    'What the test phone shows for one customer number: one bubble per message id.',
    z
      .object({
        shopId: Id,
        from: z
          .string()
          .regex(/^\+?\d{6,15}$/)
          .default('+10000000001'),
      })
      .strict(),
    z.array(PhoneMessage),
  ),
} as const;
