import type { OrdersTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

/**
 * A customer's erasure, orders' part (contacts/delete calls it in its transaction): the orders keep
 * their amounts and items for the seller's books but lose the name, phone, address and the links
 * to the customer and their conversations. Returns how many orders were anonymised.
 */
export function deleteContactData(
  tx: WritableSqlite,
  { shopId, contactId, conversationIds }: { shopId: number; contactId: number; conversationIds: readonly number[] },
): { ordersAnonymised: number } {
  const anonymise = typedStatements<OrdersTables>(tx).now((db) =>
    db
      .updateTable('orders')
      .set({
        customer_name: '',
        phone: '',
        commune: '',
        address: '',
        created_from_message_id: null,
        contact_id: null,
        conversation_id: null,
      })
      .where('shop_id', '=', shopId)
      .where((eb) =>
        eb.or([eb('contact_id', '=', contactId), ...(conversationIds.length > 0 ? [eb('conversation_id', 'in', conversationIds)] : [])]),
      ),
  );
  return { ordersAnonymised: anonymise.run().changes };
}
