import type { WritableSqlite } from '../../store';

/** A customer's erasure, the guardrails' part: their records of refused replies in the customer's conversations. */
export function deleteViolationsOf(tx: WritableSqlite, conversationIds: readonly number[]): void {
  if (conversationIds.length === 0) return;
  tx.prepare(`DELETE FROM guardrail_violations WHERE conversation_id IN (${conversationIds.map(() => '?').join(',')})`).run(
    ...conversationIds,
  );
}
