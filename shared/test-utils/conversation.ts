import type { Conversation } from '../domain/schemas';

/**
 * A conversation row as core lists it, for tests of what the inbox and the desktop shell make of one: open, nobody's
 * takeover, nothing unread, no message yet, with the contact's id equal to the conversation's. `over` changes the rest.
 */
export const conversationRow = (id: number, over: Partial<Conversation> = {}): Conversation => ({
  id,
  shopId: 1,
  accountId: 1,
  contactId: id,
  contactJid: `${id}@s.whatsapp.net`,
  contactName: null,
  status: 'open',
  takeover: false,
  unread: 0,
  lastMessageAt: null,
  lastPreview: null,
  escalationReason: null,
  escalation: [],
  ...over,
});
