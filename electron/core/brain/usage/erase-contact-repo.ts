import type { WritableSqlite } from '../../store';

/** A customer's erasure, the LLM usage's part: the per-customer token counts. */
export function deleteContactUsage(tx: WritableSqlite, shopId: number, contactId: number): void {
  tx.prepare('DELETE FROM llm_contact_usage WHERE shop_id = ? AND contact_id = ?').run(shopId, contactId);
}
