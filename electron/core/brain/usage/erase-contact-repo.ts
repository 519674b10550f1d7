import type { BrainTables } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

/** A customer's erasure, the LLM usage's part: the per-customer token counts. */
export function deleteContactUsage(tx: WritableSqlite, shopId: number, contactId: number): void {
  typedStatements<BrainTables>(tx)
    .now((db) => db.deleteFrom('llm_contact_usage').where('shop_id', '=', shopId).where('contact_id', '=', contactId))
    .run();
}
