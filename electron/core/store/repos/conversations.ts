import { type Kysely, type Selectable, sql } from 'kysely';
import type { Conversation, ConversationStatus, Message, MessageKind, MessageStatus } from '../../../../shared/domain/schemas';
import type { Database, MessagesTable } from '../schema';
import { decodeEscalations } from '../../../../shared/domain/notices';

export interface ConversationRow {
  id: number;
  shop_id: number;
  account_id: number;
  contact_id: number;
  status: string;
  takeover: number;
  unread: number;
  last_message_at: string | null;
  last_preview: string | null;
  escalation_reason: string | null;
  jid: string;
  name: string | null;
}

export const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  shopId: row.shop_id,
  accountId: row.account_id,
  contactId: row.contact_id,
  contactJid: row.jid,
  contactName: row.name,
  status: row.status as ConversationStatus,
  takeover: row.takeover === 1,
  unread: row.unread,
  lastMessageAt: row.last_message_at,
  lastPreview: row.last_preview,
  escalationReason: row.escalation_reason,
  escalation: decodeEscalations(row.escalation_reason),
});

/** The message columns the inbox and the pipeline read. */
export type MessageRow = Pick<
  Selectable<MessagesTable>,
  'id' | 'shop_id' | 'conversation_id' | 'direction' | 'author' | 'kind' | 'text' | 'status' | 'channel_message_id' | 'error' | 'created_at'
>;

export const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  shopId: row.shop_id,
  conversationId: row.conversation_id,
  direction: row.direction,
  author: row.author,
  kind: row.kind as MessageKind,
  text: row.text,
  status: row.status as MessageStatus,
  channelMessageId: row.channel_message_id,
  error: row.error,
  createdAt: row.created_at,
});

/**
 * The seller's words as an FTS5 query: every word must appear, each as a prefix ("rob" finds
 * "robe"). Quoted, so FTS syntax in the input ("OR", "*", quotes) is only text.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export interface ListQuery {
  shopId: number;
  status?: ConversationStatus | undefined;
  query?: string | undefined;
  offset: number;
  limit: number;
}

export function makeConversationsRepo(db: Kysely<Database>, hooks: { beforeSearch?: () => void } = {}) {
  function base(shopId: number) {
    return db
      .selectFrom('conversations as c')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .where('c.shop_id', '=', shopId);
  }

  return {
    async list(q: ListQuery): Promise<{ items: Conversation[]; total: number }> {
      let filtered = base(q.shopId);
      if (q.status) filtered = filtered.where('c.status', '=', q.status);
      const needle = q.query?.trim();
      if (needle) {
        hooks.beforeSearch?.(); // messages not yet in the full-text index are indexed first
        const like = `%${needle.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        const match = ftsQuery(needle);
        filtered = filtered.where((eb) =>
          eb.or([
            eb('k.jid', 'like', like),
            eb('k.name', 'like', like),
            // Any message of the conversation, through the full-text index (words and prefixes).
            ...(match
              ? [eb('c.id', 'in', sql<number>`(SELECT m.conversation_id FROM messages_fts f JOIN messages m ON m.id = f.rowid WHERE messages_fts MATCH ${match})`)]
              : []),
          ]),
        );
      }
      const [rows, count] = await Promise.all([
        filtered
          .select(['c.id', 'c.shop_id', 'c.account_id', 'c.contact_id', 'c.status', 'c.takeover', 'c.unread', 'c.last_message_at', 'c.last_preview', 'c.escalation_reason', 'k.jid', 'k.name'])
          .orderBy('c.last_message_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toConversation), total: Number(count.n) };
    },

    async get(shopId: number, id: number): Promise<Conversation | undefined> {
      const row = await base(shopId)
        .where('c.id', '=', id)
        .select(['c.id', 'c.shop_id', 'c.account_id', 'c.contact_id', 'c.status', 'c.takeover', 'c.unread', 'c.last_message_at', 'c.last_preview', 'c.escalation_reason', 'k.jid', 'k.name'])
        .executeTakeFirst();
      return row && toConversation(row);
    },

    async messages(shopId: number, conversationId: number, limit: number): Promise<Message[]> {
      const rows = await db
        .selectFrom('messages')
        .select(['id', 'shop_id', 'conversation_id', 'direction', 'author', 'kind', 'text', 'status', 'channel_message_id', 'error', 'created_at'])
        .where('shop_id', '=', shopId)
        .where('conversation_id', '=', conversationId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toMessage);
    },
  };
}
export type ConversationsRepo = ReturnType<typeof makeConversationsRepo>;
