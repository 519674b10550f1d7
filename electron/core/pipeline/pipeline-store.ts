import type { NormalizedInbound } from '../channels';
import type { Insertable } from 'kysely';
import { prepareContactWrites } from '../contacts';
import { type MessageRow, prepareConversationWrites } from '../conversations';
import type { Database } from '../database';
import type { AcceptResult, NewOutbound, OutboxRow, PendingTurnRow, TurnFacts } from './pipeline-rows';
import type { WritableSqlite } from '../store';

export type { AcceptResult, NewOutbound, OutboundKind, OutboxRow, PendingTurnRow, TurnFacts } from './pipeline-rows';

/**
 * The pipeline's durable state transitions, each ONE synchronous SQLite transaction (nothing
 * can interleave inside it, and a kill -9 leaves either all of it or none). Raw prepared
 * statements: this is the hot path.
 */

const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);
const MESSAGE_COLUMNS = 'id, shop_id, conversation_id, direction, author, kind, text, status, channel_message_id, error, created_at';

export function makePipelineStore(sqlite: WritableSqlite) {
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
    insertQueue: sqlite.prepare<[number, number, number, string, string]>(
      'INSERT INTO inbound_queue (shop_id, conversation_id, message_id, state, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    pendingOf: sqlite.prepare<[number], PendingTurnRow>(
      `SELECT id AS queueId, shop_id AS shopId, conversation_id AS conversationId, message_id AS messageId, created_at AS createdAt
       FROM inbound_queue WHERE state = 'pending' AND conversation_id = ? ORDER BY id`,
    ),
    pendingConversations: sqlite.prepare<[], { conversationId: number; newest: string }>(
      "SELECT conversation_id AS conversationId, max(created_at) AS newest FROM inbound_queue WHERE state = 'pending' GROUP BY conversation_id",
    ),
    queuedConversations: sqlite.prepare<[], { conversationId: number }>(
      "SELECT DISTINCT conversation_id AS conversationId FROM outbox WHERE state = 'queued'",
    ),
    firstQueued: sqlite.prepare<[number], OutboxRow>(
      `SELECT o.id AS outboxId, o.shop_id AS shopId, o.account_id AS accountId, o.conversation_id AS conversationId,
              o.message_id AS messageId, o.to_jid AS toJid, o.channel_message_id AS channelMessageId, o.attempts,
              o.next_attempt_at AS nextAttemptAt, m.text, m.author, m.meta, o.kind,
              (SELECT last_inbound_at FROM conversations c WHERE c.id = o.conversation_id) AS lastInboundAt
       FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.conversation_id = ? AND o.state = 'queued' ORDER BY o.id LIMIT 1`,
    ),
    countPending: sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM inbound_queue WHERE state = 'pending'"),
    countQueued: sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'queued'"),
    turnFacts: sqlite.prepare<[number], Omit<TurnFacts, 'contactBlocked' | 'takeover'> & { contactBlocked: number; takeover: number }>(
      `SELECT c.shop_id AS shopId, c.account_id AS accountId, c.id AS conversationId, c.contact_id AS contactId,
              k.jid AS contactJid, k.blocked AS contactBlocked, c.takeover AS takeover, c.takeover_until AS takeoverUntil,
              c.flagged_reason AS flaggedReason, c.last_inbound_at AS lastInboundAt
       FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`,
    ),
    messageById: sqlite.prepare<[number], MessageRow>(`SELECT ${MESSAGE_COLUMNS}, meta FROM messages WHERE id = ?`),
    messageMeta: sqlite.prepare<[number], { meta: string | null }>(`SELECT meta FROM messages WHERE id = ?`),
    history: sqlite.prepare<[number, number, number], MessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id < ? AND status NOT IN ('draft', 'rejected')
       ORDER BY id DESC LIMIT ?`,
    ),
    inboundSince: sqlite.prepare<[number, string], { n: number }>(
      "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'in' AND created_at >= ?",
    ),
    finishQueue: sqlite.prepare<[string, string | null, number]>(
      "UPDATE inbound_queue SET state = ?, route = ? WHERE id = ? AND state = 'pending'",
    ),
    insertOutbox: sqlite.prepare(
      `INSERT INTO outbox (shop_id, account_id, conversation_id, message_id, to_jid, channel_message_id, next_attempt_at, created_at, kind)
       VALUES (@shop_id, @account_id, @conversation_id, @message_id, @to_jid, @channel_message_id, @next_attempt_at, @created_at, @kind)`,
    ),
    markSent: sqlite.prepare<[number]>("UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = NULL WHERE id = ?"),
    messageSent: sqlite.prepare<[number]>(
      "UPDATE messages SET status = 'sent', error = NULL WHERE id = ? AND status IN ('queued', 'sending', 'failed')",
    ),
    retryLater: sqlite.prepare<[string, string, number]>(
      'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
    ),
    markFailed: sqlite.prepare<[string, number]>(
      "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
    ),
    messageFailed: sqlite.prepare<[string, number]>("UPDATE messages SET status = 'failed', error = ? WHERE id = ?"),
    outboundByChannelId: sqlite.prepare<[number, string], { id: number; status: string }>(
      "SELECT id, status FROM messages WHERE account_id = ? AND direction = 'out' AND channel_message_id = ?",
    ),
    setMessageStatus: sqlite.prepare<[string, number]>('UPDATE messages SET status = ? WHERE id = ?'),
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
    const conversationId = s.upsertConversation.get(
      shopId,
      accountId,
      contactId,
      at,
      at,
      preview(previewText),
      at,
      countUnread ? 1 : 0,
    )!.id;
    return { contactId, conversationId };
  }

  const accept = sqlite.transaction((msg: NormalizedInbound, now: string): AcceptResult => {
    const account = s.account.get(msg.accountId);
    if (!account) throw new Error(`Unknown account ${msg.accountId}`);
    const existing = s.findInbound.get(msg.accountId, msg.channelMessageId);
    if (existing) return { messageId: existing.id, duplicate: true, shopId: account.shop_id, conversationId: existing.conversation_id };
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
    const messageId = insertMessage({
      shop_id: account.shop_id,
      account_id: msg.accountId,
      conversation_id: conversationId,
      direction: 'in',
      author: 'customer',
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
    });
    s.insertQueue.run(account.shop_id, conversationId, messageId, msg.contextOnly ? 'skipped' : 'pending', now);
    return { messageId, duplicate: false, shopId: account.shop_id, conversationId };
  });

  /** Queue rows still to process and the outbound message rows a turn writes. */
  const completeTurn = sqlite.transaction(
    (
      queueIds: number[],
      state: 'done' | 'dropped',
      route: string,
      outbound: NewOutbound | null,
      escalation: string | null,
      flag: string | null,
      now: string,
    ): { outboundMessageId: number | null } | null => {
      for (const id of queueIds) {
        // Another worker finished it already: abandon the whole turn (the transaction rolls back).
        if (s.finishQueue.run(state, route, id).changes !== 1) throw new StaleTurn();
      }
      let outboundMessageId: number | null = null;
      if (outbound) {
        outboundMessageId = insertOutbound(outbound, outbound.draft ? 'draft' : 'queued', now);
        if (outbound.draft) s.pendingApproval.run(outbound.conversationId);
        else enqueue(outbound, outboundMessageId, now);
      }
      if (escalation !== null && outbound) s.escalate.run(escalation, outbound.conversationId);
      if (flag !== null && outbound) s.flag.run(flag, outbound.conversationId);
      return { outboundMessageId };
    },
  );

  function enqueue(outbound: NewOutbound, messageId: number, now: string): void {
    s.insertOutbox.run({
      shop_id: outbound.shopId,
      account_id: outbound.accountId,
      conversation_id: outbound.conversationId,
      message_id: messageId,
      to_jid: outbound.toJid,
      channel_message_id: outbound.channelMessageId,
      next_attempt_at: now,
      created_at: now,
      kind: outbound.kind ?? 'reply',
    });
    s.touchConversationOut.run(preview(outbound.text), outbound.conversationId);
  }

  /** Runs the given writes in one transaction (group commit); each keeps its own savepoint. */
  const batch = sqlite.transaction((writes: Array<() => void>) => {
    for (const write of writes) write();
  });

  return {
    batch: (writes: Array<() => void>) => {
      if (writes.length) batch(writes);
    },
    /** Whether a transaction is open (after a failed write SQLite may have rolled all of it back). */
    inTransaction: () => sqlite.inTransaction,
    accept: (msg: NormalizedInbound, now: string) => {
      try {
        return accept(msg, now);
      } catch (err) {
        // Two deliveries racing on the unique index: the loser reads the winner's row.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          const existing = s.findInbound.get(msg.accountId, msg.channelMessageId);
          const account = s.account.get(msg.accountId);
          if (existing && account)
            return { messageId: existing.id, duplicate: true, shopId: account.shop_id, conversationId: existing.conversation_id };
        }
        throw err;
      }
    },
    pendingOf: (conversationId: number): PendingTurnRow[] => s.pendingOf.all(conversationId),
    /** Conversations with queued customer messages and the newest arrival (for resuming). */
    pendingConversations: () => s.pendingConversations.all(),
    queuedConversations: () => s.queuedConversations.all().map((r) => r.conversationId),
    firstQueued: (conversationId: number): OutboxRow | undefined => s.firstQueued.get(conversationId),
    backlog: () => ({ pending: s.countPending.get()!.n, queued: s.countQueued.get()!.n }),
    turnFacts(conversationId: number): TurnFacts | undefined {
      const row = s.turnFacts.get(conversationId);
      return row && { ...row, contactBlocked: row.contactBlocked === 1, takeover: row.takeover === 1 };
    },
    message: (id: number) => s.messageById.get(id),
    /** A message's meta JSON (a received photo's mediaPath is there). */
    messageMeta: (id: number): string | null => s.messageMeta.get(id)?.meta ?? null,
    /** Up to `limit` messages before `beforeId`, oldest first. */
    history: (conversationId: number, beforeId: number, limit: number) => s.history.all(conversationId, beforeId, limit).reverse(),
    inboundCountSince: (conversationId: number, sinceIso: string) => s.inboundSince.get(conversationId, sinceIso)!.n,
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
      const row = s.messageById.get(messageId);
      if (!row || row.status !== 'draft') return false;
      sqlite
        .prepare("UPDATE messages SET text = ?, status = 'queued', author = CASE WHEN text = ? THEN author ELSE 'seller' END WHERE id = ?")
        .run(text, text, messageId);
      const facts = s.turnFacts.get(row.conversation_id)!;
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
    markSent: sqlite.transaction((outboxId: number, messageId: number) => {
      s.markSent.run(outboxId);
      s.messageSent.run(messageId);
    }),
    retryLater: (outboxId: number, atIso: string, error: string) => s.retryLater.run(atIso, error, outboxId),
    markFailed: sqlite.transaction((outboxId: number, messageId: number, error: string) => {
      s.markFailed.run(error, outboxId);
      s.messageFailed.run(error, messageId);
    }),
    outboundByChannelId: (accountId: number, channelMessageId: string) => s.outboundByChannelId.get(accountId, channelMessageId),
    setMessageStatus: (messageId: number, status: string) => s.setMessageStatus.run(status, messageId),
    setTakeover: (conversationId: number, on: boolean, until: string | null = null) =>
      s.setTakeover.run(on ? 1 : 0, on ? until : null, conversationId),
    resolveConversation: sqlite.transaction(resolveConversation),
    insertMessage,
  };
}

class StaleTurn extends Error {}

export type PipelineStore = ReturnType<typeof makePipelineStore>;
