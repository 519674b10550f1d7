import type { WritableSqlite } from '../store';
import type { NormalizedInbound } from '../channels';
import type { Insertable } from 'kysely';
import { prepareContactWrites } from '../contacts';
import { type MessageRow, prepareConversationWrites } from '../conversations';
import type { Database } from '../database';
import { makeOutboxStore, preview } from './outbox-store';
import { makeTurnReads } from './turn-reads-store';
import { type AcceptResult, type NewOutbound, TURN_WAITING } from './pipeline-rows';

export type { AcceptResult, NewOutbound, OutboundKind, OutboxRow, PendingTurnRow, TurnFacts } from './pipeline-rows';

/**
 * The pipeline's durable state transitions, each ONE synchronous SQLite transaction (nothing
 * can interleave inside it, and a kill -9 leaves either all of it or none). Raw prepared
 * statements: this is the hot path.
 */

export function makePipelineStore(sqlite: WritableSqlite) {
  const outbox = makeOutboxStore(sqlite);
  const { enqueue } = outbox;
  const reads = makeTurnReads(sqlite);
  const s = {
    // contacts and conversations own their statements; the transactions below stay the pipeline's
    ...prepareContactWrites(sqlite),
    ...prepareConversationWrites(sqlite),
    account: sqlite.prepare<[number], { shop_id: number }>('SELECT shop_id FROM accounts WHERE id = ?'),
    findInbound: sqlite.prepare<[number, string], { id: number; conversation_id: number }>(
      "SELECT id, conversation_id FROM messages WHERE account_id = ? AND direction = 'in' AND channel_message_id = ?",
    ),
    findContact: sqlite.prepare<[number, string], { id: number; name: string | null }>(
      'SELECT id, name FROM contacts WHERE shop_id = ? AND jid = ?',
    ),
    insertMessage: sqlite.prepare(
      `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, meta, created_at)
       VALUES (@shop_id, @account_id, @conversation_id, @direction, @author, @kind, @text, @status, @channel_message_id, @meta, @created_at)`,
    ),
    // A customer message that needs a turn is marked waiting on its own row (0091): no queue row to write.
    insertInbound: sqlite.prepare(
      `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, meta, created_at, turn_state, accepted_ms)
       VALUES (@shop_id, @account_id, @conversation_id, @direction, @author, @kind, @text, @status, @channel_message_id, @meta, @created_at, @turn_state, @accepted_ms)`,
    ),
    finishTurn: sqlite.prepare<[number]>('UPDATE messages SET turn_state = NULL WHERE id = ? AND turn_state = 1'),
  };

  function insertMessage(row: Omit<Insertable<Database['messages']>, 'id'>): number {
    return Number(s.insertMessage.run(row).lastInsertRowid);
  }

  function insertOutbound(outbound: NewOutbound, status: 'draft' | 'queued', now: string): number {
    return insertMessage({
      shop_id: outbound.shopId,
      account_id: outbound.accountId,
      conversation_id: outbound.conversationId,
      direction: 'out',
      author: outbound.author,
      kind: outbound.messageKind ?? 'text',
      text: outbound.text,
      status,
      channel_message_id: outbound.channelMessageId,
      meta: outbound.meta,
      created_at: now,
    });
  }

  /** Contact + conversation for an address, created on first contact. */
  function resolveConversation(
    shopId: number,
    accountId: number,
    jid: string,
    name: string | null,
    at: string,
    previewText: string,
    countUnread: boolean,
  ) {
    // Read first: most messages come from a known contact, and an unchanged row is not rewritten.
    const known = s.findContact.get(shopId, jid);
    const contactId = known ? known.id : s.insertContact.get(shopId, jid, name ?? null, at)!.id;
    if (known && name && known.name !== name) s.renameContact.run(name, known.id);
    const text = preview(previewText);
    const unread = countUnread ? 1 : 0;
    // A known contact is usually in a known conversation: update it; the upsert creates it otherwise.
    const touched = known ? s.touchConversationIn.get(at, text, at, unread, accountId, contactId) : undefined;
    const conversationId = touched ? touched.id : s.upsertConversation.get(shopId, accountId, contactId, at, at, text, at, unread)!.id;
    return { contactId, conversationId };
  }

  const accept = sqlite.transaction((msg: NormalizedInbound, now: string): AcceptResult => {
    const account = s.account.get(msg.accountId);
    if (!account) throw new Error(`Unknown account ${msg.accountId}`);
    // No duplicate check first: the unique index refuses a second delivery, and the wrapper below answers it with
    // the stored row (this transaction, conversation touch included, rolls back). Most messages are not duplicates.
    const text = msg.text || `[${msg.kind}]`;
    const { conversationId } = resolveConversation(
      account.shop_id,
      msg.accountId,
      msg.from,
      msg.fromName ?? null,
      msg.at,
      text,
      !msg.contextOnly,
    );
    const stored = {
      shop_id: account.shop_id,
      account_id: msg.accountId,
      conversation_id: conversationId,
      direction: 'in' as const,
      author: 'customer' as const,
      kind: msg.kind,
      text: msg.text,
      status: 'received',
      channel_message_id: msg.channelMessageId,
      meta:
        msg.quotedChannelMessageId || msg.mediaPath
          ? JSON.stringify({
              quoted: msg.quotedChannelMessageId ?? null,
              mediaPath: msg.mediaPath ?? null,
              ...(msg.mediaFileName && { fileName: msg.mediaFileName }),
            })
          : null,
      created_at: msg.at,
    };
    // Context only (history synced from the phone): stored, never answered, so never marked waiting.
    const waiting = msg.contextOnly ? { turn_state: null, accepted_ms: null } : { turn_state: TURN_WAITING, accepted_ms: Date.parse(now) };
    const messageId = Number(s.insertInbound.run({ ...stored, ...waiting }).lastInsertRowid);
    const row: MessageRow = { ...stored, id: messageId, error: null };
    return { messageId, duplicate: false, shopId: account.shop_id, conversationId, row };
  });

  /** The customer messages a turn answered (no longer waiting) and the outbound message rows it writes. */
  const completeTurn = sqlite.transaction(
    (
      messageIds: number[],
      outbound: NewOutbound | null,
      escalation: string | null,
      flag: string | null,
      now: string,
    ): TurnCommit | null => {
      for (const id of messageIds) {
        // Another worker finished it already: abandon the whole turn (the transaction rolls back).
        if (s.finishTurn.run(id).changes !== 1) throw new StaleTurn();
      }
      if (!outbound) return { outboundMessageId: null };
      const status = outbound.draft ? 'draft' : 'queued';
      const outboundMessageId = insertOutbound(outbound, status, now);
      if (outbound.draft) s.pendingApproval.run(outbound.conversationId);
      else enqueue(outbound, outboundMessageId, now);
      if (escalation !== null) s.escalate.run(escalation, outbound.conversationId);
      if (flag !== null) s.flag.run(flag, outbound.conversationId);
      // The reply's row as written: its messages/new event is built from it, not read back.
      const row: MessageRow = {
        id: outboundMessageId,
        shop_id: outbound.shopId,
        conversation_id: outbound.conversationId,
        direction: 'out',
        author: outbound.author,
        kind: outbound.messageKind ?? 'text',
        text: outbound.text,
        status,
        channel_message_id: outbound.channelMessageId,
        error: null,
        created_at: now,
        meta: outbound.meta,
      };
      return { outboundMessageId, row };
    },
  );

  /** Runs the given writes in one transaction (group commit); each keeps its own savepoint. */
  const batch = sqlite.transaction((writes: Array<() => void>) => {
    for (const write of writes) write();
  });

  return {
    // The send side: queued rows, their transitions and receipts (outbox-store.ts).
    queuedConversations: outbox.queuedConversations,
    firstQueued: outbox.firstQueued,
    markSent: outbox.markSent,
    retryLater: outbox.retryLater,
    markFailed: outbox.markFailed,
    outboundByChannelId: outbox.outboundByChannelId,
    setMessageStatus: outbox.setMessageStatus,
    batch: (writes: Array<() => void>) => {
      if (writes.length) batch(writes);
    },
    /** Whether a transaction is open (after a failed write SQLite may have rolled all of it back). */
    inTransaction: () => sqlite.inTransaction,
    accept: (msg: NormalizedInbound, now: string) => {
      try {
        return accept(msg, now);
      } catch (err) {
        // A second delivery (a redelivery, or two racing): the unique index refused it, the stored row answers.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          const existing = s.findInbound.get(msg.accountId, msg.channelMessageId);
          const account = s.account.get(msg.accountId);
          if (existing && account)
            return { messageId: existing.id, duplicate: true, shopId: account.shop_id, conversationId: existing.conversation_id };
        }
        throw err;
      }
    },
    backlog: () => ({ pending: reads.pendingCount(), queued: outbox.queuedCount() }),
    // What a turn reads (turn-reads-store.ts).
    ...reads,
    completeTurn(...args: Parameters<typeof completeTurn>) {
      try {
        return completeTurn(...args);
      } catch (err) {
        if (err instanceof StaleTurn) return null;
        throw err;
      }
    },
    /** A message from the seller (inbox reply or approved draft) into the outbox, in one transaction. */
    enqueueSellerMessage: sqlite.transaction((outbound: NewOutbound, now: string): number => {
      const messageId = insertOutbound(outbound, 'queued', now);
      enqueue(outbound, messageId, now);
      return messageId;
    }),
    /** Approve a draft: the same row (same pre-chosen id) moves to the outbox. */
    approveDraft: sqlite.transaction((messageId: number, text: string, toJid: string, now: string): boolean => {
      const row = reads.message(messageId);
      if (!row || row.status !== 'draft') return false;
      sqlite
        .prepare("UPDATE messages SET text = ?, status = 'queued', author = CASE WHEN text = ? THEN author ELSE 'seller' END WHERE id = ?")
        .run(text, text, messageId);
      const facts = reads.turnFacts(row.conversation_id)!;
      enqueue(
        {
          shopId: row.shop_id,
          accountId: facts.accountId,
          conversationId: row.conversation_id,
          toJid,
          author: 'bot',
          text,
          meta: null,
          channelMessageId: row.channel_message_id!,
          draft: false,
        },
        messageId,
        now,
      );
      s.reopenAfterDrafts.run(row.conversation_id, row.conversation_id);
      return true;
    }),
    setTakeover: (conversationId: number, on: boolean, until: string | null = null) =>
      s.setTakeover.run(on ? 1 : 0, on ? until : null, conversationId),
    resolveConversation: sqlite.transaction(resolveConversation),
    insertMessage,
  };
}

class StaleTurn extends Error {}

/** What a committed turn wrote: its reply's id and row (none when it answered nothing). */
export interface TurnCommit {
  outboundMessageId: number | null;
  row?: MessageRow;
}

export type PipelineStore = ReturnType<typeof makePipelineStore>;
