import type { BrainTables } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

/** A customer's erasure, the guardrails' part: their records of refused replies in the customer's conversations. */
export function deleteViolationsOf(tx: WritableSqlite, conversationIds: readonly number[]): void {
  if (conversationIds.length === 0) return;
  typedStatements<BrainTables>(tx)
    .now((db) => db.deleteFrom('guardrail_violations').where('conversation_id', 'in', conversationIds))
    .run();
}
