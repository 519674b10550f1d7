import type { CoreContext } from '../context';
import type { Database } from '../database';
import { typedStatements } from '../store';
import { phoneToJid } from '../text';

/** The test panel's customer: a number no real customer has (999 is no country code). */
const KNOWLEDGE_TEST_PHONE = '+999 000 0000';
const WAIT_MS = 25_000;

export interface CustomerView {
  /** What the customer would receive; null when the bot would stay silent (AI off, takeover, a pause). */
  reply: string | null;
  /** The reply waits for the seller's approval (approval mode) instead of going out. */
  draft: boolean;
  /** Why the bot would hand the conversation to the seller, or null. */
  escalation: string | null;
  conversationId: number;
}

/**
 * Runs a question through the SAME path as a customer's message: the test phone writes it as a
 * customer of the shop, the pipeline routes it (blocked, takeover, approval mode, AI off), the
 * brain answers (retrieval, LLM or offline brain, guardrails), escalation is decided, exactly as
 * for WhatsApp. The panel shows what came out. The previous test conversation is removed first,
 * so each question starts fresh (no memory of an earlier test).
 */
export async function tryAsCustomer(ctx: CoreContext, shopId: number, question: string): Promise<CustomerView> {
  const { sqlite } = ctx.store;
  const jid = phoneToJid(KNOWLEDGE_TEST_PHONE);
  await ctx.repos.conversations.deleteForAddress(shopId, jid);
  let conversationId = -1;
  const outcome = new Promise<{ text: string; draft: boolean } | null>((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(null);
    }, WAIT_MS);
    const unsubscribe = ctx.bus.subscribe((e) => {
      if (e.name !== 'messages/new') return;
      const m = e.payload as { conversationId: number; direction: string; text: string; status: string };
      if (m.conversationId !== conversationId || m.direction !== 'out') return;
      clearTimeout(timer);
      unsubscribe();
      resolve({ text: m.text, draft: m.status === 'draft' });
    });
  });
  const { messageId } = ctx.testPhone.send(shopId, KNOWLEDGE_TEST_PHONE, question);
  const statements = typedStatements<Database>(sqlite);
  const message = statements.prepare((db, p: { id: number }) =>
    db.selectFrom('messages').select('conversation_id as id').where('id', '=', p.id),
  );
  conversationId = (message.get({ id: messageId }) as { id: number }).id;
  const out = await outcome;
  const row = statements
    .prepare((db, p: { id: number }) => db.selectFrom('conversations').select('escalation_reason as reason').where('id', '=', p.id))
    .get({ id: conversationId });
  return { reply: out?.text ?? null, draft: out?.draft ?? false, escalation: row?.reason ?? null, conversationId };
}
