import type { ConversationsTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

/**
 * The synchronous writes of `conversations`: the pipeline's accept and complete (the measured hot path) run them
 * inside pipeline-store's own transactions, which stay there. Built with kysely and prepared once (typedStatements),
 * each taking its values in the order the pipeline passes them. They live here so the table has one writer; the
 * seller's changes (takeover, status, read) are in conversations-repo.ts.
 */
export function prepareConversationWrites(sqlite: WritableSqlite) {
  const statements = typedStatements<ConversationsTables>(sqlite);
  const upsert = statements.prepare(
    (
      db,
      p: {
        shopId: number;
        accountId: number;
        contactId: number;
        createdAt: string;
        lastMessageAt: string;
        preview: string;
        lastInboundAt: string;
        unread: number;
      },
    ) =>
      db
        .insertInto('conversations')
        .values({
          shop_id: p.shopId,
          account_id: p.accountId,
          contact_id: p.contactId,
          created_at: p.createdAt,
          last_message_at: p.lastMessageAt,
          last_preview: p.preview,
          last_inbound_at: p.lastInboundAt,
          unread: p.unread,
        })
        .onConflict((oc) =>
          oc.columns(['account_id', 'contact_id']).doUpdateSet((eb) => ({
            last_message_at: eb.ref('excluded.last_message_at'),
            last_preview: eb.ref('excluded.last_preview'),
            last_inbound_at: eb.ref('excluded.last_inbound_at'),
            unread: eb('conversations.unread', '+', eb.ref('excluded.unread')),
            status: eb.case().when('conversations.status', '=', 'resolved').then('open').else(eb.ref('conversations.status')).end(),
          })),
        )
        .returning('id'),
  );
  const touchIn = statements.prepare(
    (db, p: { at: string; preview: string; inboundAt: string; unread: number; accountId: number; contactId: number }) =>
      db
        .updateTable('conversations')
        .set((eb) => ({
          last_message_at: p.at,
          last_preview: p.preview,
          last_inbound_at: p.inboundAt,
          unread: eb('unread', '+', p.unread),
          status: eb.case().when('status', '=', 'resolved').then('open').else(eb.ref('status')).end(),
        }))
        .where('account_id', '=', p.accountId)
        .where('contact_id', '=', p.contactId)
        .returning('id'),
  );
  const touchOut = statements.prepare((db, p: { preview: string; id: number }) =>
    db.updateTable('conversations').set({ last_preview: p.preview }).where('id', '=', p.id),
  );
  const escalate = statements.prepare((db, p: { reason: string; id: number }) =>
    db.updateTable('conversations').set({ status: 'waiting_human', escalation_reason: p.reason }).where('id', '=', p.id),
  );
  const pendingApproval = statements.prepare((db, p: { id: number }) =>
    db.updateTable('conversations').set({ status: 'pending_approval' }).where('id', '=', p.id).where('status', '!=', 'waiting_human'),
  );
  const reopen = statements.prepare((db, p: { id: number; draftsOf: number }) =>
    db
      .updateTable('conversations')
      .set({ status: 'open' })
      .where('id', '=', p.id)
      .where('status', '=', 'pending_approval')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('messages').select(eb.lit(1).as('one')).where('conversation_id', '=', p.draftsOf).where('status', '=', 'draft'),
          ),
        ),
      ),
  );
  const flag = statements.prepare((db, p: { reason: string; id: number }) =>
    db.updateTable('conversations').set({ flagged_reason: p.reason }).where('id', '=', p.id),
  );
  const takeover = statements.prepare((db, p: { takeover: number; until: string | null; id: number }) =>
    db.updateTable('conversations').set({ takeover: p.takeover, takeover_until: p.until }).where('id', '=', p.id),
  );
  return {
    upsertConversation: {
      get: (
        shopId: number,
        accountId: number,
        contactId: number,
        createdAt: string,
        lastMessageAt: string,
        preview: string,
        lastInboundAt: string,
        unread: number,
      ) => upsert.get({ shopId, accountId, contactId, createdAt, lastMessageAt, preview, lastInboundAt, unread }),
    },
    // A customer message in a known conversation (most of them): the same change as the upsert's
    // DO UPDATE, without first building and rejecting a new row (about a quarter of the upsert's
    // cost). Args: at, preview, at, unread (0|1), account, contact; no row = first contact.
    touchConversationIn: {
      get: (at: string, preview: string, inboundAt: string, unread: number, accountId: number, contactId: number) =>
        touchIn.get({ at, preview, inboundAt, unread, accountId, contactId }),
    },
    // Only the preview: last_message_at (indexed for the inbox order) moves with customer
    // messages, which saves rewriting two indexes per reply.
    touchConversationOut: { run: (preview: string, id: number) => touchOut.run({ preview, id }) },
    escalate: { run: (reason: string, id: number) => escalate.run({ reason, id }) },
    pendingApproval: { run: (id: number) => pendingApproval.run({ id }) },
    /** Back to open once the last draft of a conversation waiting for approval is gone (args: id, id). */
    reopenAfterDrafts: { run: (id: number, draftsOf: number) => reopen.run({ id, draftsOf }) },
    flag: { run: (reason: string, id: number) => flag.run({ reason, id }) },
    setTakeover: { run: (on: number, until: string | null, id: number) => takeover.run({ takeover: on, until, id }) },
  };
}
