import type { Selectable } from 'kysely';
import { type ListPage, type ListQuery, makeConversationList } from './conversation-list-repo';
import type { Conversation, ConversationStatus, Message, MessageKind, MessageStatus } from '../../../shared/domain/schemas';
import type { Database } from '../database';
import { decodeEscalations } from '../../../shared/domain/notices';
import { messageMediaOf } from '../../../shared/domain/media';
import type { ReadableSqlite, WritableDB } from '../store';

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
  Selectable<Database['messages']>,
  'id' | 'shop_id' | 'conversation_id' | 'direction' | 'author' | 'kind' | 'text' | 'status' | 'channel_message_id' | 'error' | 'created_at'
> & { meta?: string | null };

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
  ...(row.meta !== undefined && { media: messageMediaOf(row.kind, row.meta) }),
});

/**
 * The seller's words as an FTS5 query: every word must appear, each as a prefix ("rob" finds
 * "robe") unless `prefix` is false. Quoted, so FTS syntax in the input ("OR", "*", quotes) is only text.
 */
export function ftsQuery(input: string, prefix = true): string | null {
  const words = input
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `"${w}"${prefix ? '*' : ''}`).join(' ') : null;
}

export type { ListQuery } from './conversation-list-repo';

export function makeConversationsRepo(db: WritableDB<Database>, hooks: { beforeSearch?: () => void; sqlite: ReadableSqlite }) {
  const lists = makeConversationList(hooks.sqlite);
  function base(shopId: number) {
    return db.selectFrom('conversations as c').innerJoin('contacts as k', 'k.id', 'c.contact_id').where('c.shop_id', '=', shopId);
  }

  return {
    async list(q: ListQuery): Promise<ListPage> {
      if (q.query?.trim()) hooks.beforeSearch?.(); // messages and contacts not yet in the full-text indexes are indexed first
      return lists.page(q);
    },

    async get(shopId: number, id: number): Promise<Conversation | undefined> {
      const row = await base(shopId)
        .where('c.id', '=', id)
        .select([
          'c.id',
          'c.shop_id',
          'c.account_id',
          'c.contact_id',
          'c.status',
          'c.takeover',
          'c.unread',
          'c.last_message_at',
          'c.last_preview',
          'c.escalation_reason',
          'k.jid',
          'k.name',
        ])
        .executeTakeFirst();
      return row && toConversation(row);
    },

    async messages(shopId: number, conversationId: number, limit: number): Promise<Message[]> {
      const rows = await db
        .selectFrom('messages')
        .select([
          'id',
          'shop_id',
          'conversation_id',
          'direction',
          'author',
          'kind',
          'text',
          'status',
          'channel_message_id',
          'error',
          'created_at',
          'meta',
        ])
        .where('shop_id', '=', shopId)
        .where('conversation_id', '=', conversationId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.reverse().map(toMessage);
    },

    /** The seller takes the conversation over (it waits for them), or gives it back to the bot (open again). */
    async setTakeover(id: number, takeover: boolean): Promise<void> {
      await db
        .updateTable('conversations')
        .set(
          takeover
            ? { takeover: 1, takeover_until: null, status: 'waiting_human' }
            : { takeover: 0, takeover_until: null, status: 'open', escalation_reason: null },
        )
        .where('id', '=', id)
        .execute();
    },

    /** Resolving clears the escalation reason too. */
    async setStatus(id: number, status: ConversationStatus): Promise<void> {
      await db
        .updateTable('conversations')
        .set(status === 'resolved' ? { status, escalation_reason: null } : { status })
        .where('id', '=', id)
        .execute();
    },

    async markRead(id: number): Promise<void> {
      await db.updateTable('conversations').set({ unread: 0 }).where('id', '=', id).execute();
    },

    /** A rejected draft: a conversation that was waiting for approval is open again. */
    async reopenPendingApproval(id: number): Promise<void> {
      await db.updateTable('conversations').set({ status: 'open' }).where('id', '=', id).where('status', '=', 'pending_approval').execute();
    },

    /** Every conversation of one address in a shop (the knowledge page's practice chat starts afresh each question). */
    async deleteForAddress(shopId: number, jid: string): Promise<void> {
      await db
        .deleteFrom('conversations')
        .where('shop_id', '=', shopId)
        .where('contact_id', 'in', db.selectFrom('contacts').select('id').where('shop_id', '=', shopId).where('jid', '=', jid))
        .execute();
    },
  };
}
export type ConversationsRepo = ReturnType<typeof makeConversationsRepo>;
