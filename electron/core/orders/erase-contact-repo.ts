import type { WritableSqlite } from '../store';

/**
 * A customer's erasure, orders' part (contacts/delete calls it in its transaction): the orders keep
 * their amounts and items for the seller's books but lose the name, phone, address and the links
 * to the customer and their conversations. Returns how many orders were anonymised.
 */
export function deleteContactData(
  tx: WritableSqlite,
  { shopId, contactId, conversationIds }: { shopId: number; contactId: number; conversationIds: readonly number[] },
): { ordersAnonymised: number } {
  const inList = `(${conversationIds.map(() => '?').join(',') || 'NULL'})`;
  const ordersAnonymised = tx
    .prepare(
      `UPDATE orders SET customer_name = '', phone = '', commune = '', address = '', created_from_message_id = NULL, contact_id = NULL, conversation_id = NULL
       WHERE shop_id = ? AND (contact_id = ? OR conversation_id IN ${inList})`,
    )
    .run(shopId, contactId, ...conversationIds).changes;
  return { ordersAnonymised };
}
