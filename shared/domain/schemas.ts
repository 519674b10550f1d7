import { z } from 'zod';
import { EscalationNotice } from './notices';
import { MessageMedia } from './media';

/** Shared domain shapes: what core stores and the renderer shows. Ids are positive integers. */
export const Id = z.number().int().positive();
export const IsoTime = z.string();

export const Locale = z.enum(['ar', 'fr', 'en', 'pt', 'it']);
export type Locale = z.infer<typeof Locale>;

/** Language tags of customer messages (see shared/README in the design notes). */
export const CustomerLanguage = z.enum(['ar-dz', 'dz-latn', 'ar', 'fr', 'en', 'pt', 'it']);
export type CustomerLanguage = z.infer<typeof CustomerLanguage>;

export const Shop = z.object({
  id: Id,
  name: z.string(),
  currency: z.string(),
  /** ISO 3166 alpha-2 chosen by the seller; null = derived from the currency and time zone (see domain/country). */
  country: z.string().nullable().default(null),
  createdAt: IsoTime,
});
export type Shop = z.infer<typeof Shop>;

export const ChannelKind = z.enum(['whatsapp', 'simulator']);
export type ChannelKind = z.infer<typeof ChannelKind>;

export const AccountStatus = z.enum(['disconnected', 'connecting', 'qr_ready', 'connected', 'logged_out', 'banned', 'error']);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const Account = z.object({
  id: Id,
  shopId: Id,
  channel: ChannelKind,
  label: z.string(),
  phone: z.string().nullable(),
  status: AccountStatus,
  createdAt: IsoTime,
});
export type Account = z.infer<typeof Account>;

export const Contact = z.object({
  id: Id,
  shopId: Id,
  jid: z.string(),
  name: z.string().nullable(),
  blocked: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const ConversationStatus = z.enum(['open', 'waiting_human', 'pending_approval', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Conversation = z.object({
  id: Id,
  shopId: Id,
  accountId: Id,
  contactId: Id,
  contactJid: z.string(),
  contactName: z.string().nullable(),
  status: ConversationStatus,
  takeover: z.boolean(),
  unread: z.number().int().nonnegative(),
  lastMessageAt: IsoTime.nullable(),
  lastPreview: z.string().nullable(),
  /** As stored (encoded notices, see notices.ts); the UI words `escalation` instead. */
  escalationReason: z.string().nullable(),
  /** Why the conversation needs the seller, as codes the UI words in the seller's language. */
  escalation: z.array(EscalationNotice),
});
export type Conversation = z.infer<typeof Conversation>;

export const MessageDirection = z.enum(['in', 'out']);
export const MessageAuthor = z.enum(['customer', 'bot', 'seller']);
export const MessageStatus = z.enum(['received', 'draft', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'rejected']);
export type MessageStatus = z.infer<typeof MessageStatus>;
export const MessageKind = z.enum(['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contact', 'other']);
export type MessageKind = z.infer<typeof MessageKind>;

export const Message = z.object({
  id: Id,
  shopId: Id,
  conversationId: Id,
  direction: MessageDirection,
  author: MessageAuthor,
  kind: MessageKind,
  text: z.string(),
  status: MessageStatus,
  channelMessageId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: IsoTime,
  /** Media a message carries (image, voice note, video, document), when it has any. */
  media: MessageMedia.nullable().optional(),
});
export type Message = z.infer<typeof Message>;
