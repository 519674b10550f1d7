/** The conversations domain: the one place that writes the `conversations` table, and the inbox list. */
export { prepareConversationWrites } from './conversation-writes-repo';
export { type ConversationsRepo, type MessageRow, makeConversationsRepo, toConversation, toMessage } from './conversations-repo';
export { requireConversation, requireMessage } from './lookup';
export { deleteContactData } from './erase-contact-repo';
