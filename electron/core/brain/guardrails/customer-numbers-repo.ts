import type { Database } from '../../database';
import { type ReadableSqlite, typedStatements } from '../../store';

/**
 * The numbers a customer is known by: their WhatsApp JID's digits. The guardrails let a reply
 * repeat them in any formatting (an order summary shows the customer's own phone).
 */
export function makeCustomerNumbersRepo(sqlite: ReadableSqlite): (shopId: number, contactId: number) => string[] {
  const jidOf = typedStatements<Database>(sqlite).prepare((db, p: { contactId: number; shopId: number }) =>
    db.selectFrom('contacts').select('jid').where('id', '=', p.contactId).where('shop_id', '=', p.shopId),
  );
  return (shopId, contactId) => {
    const digits = (jidOf.get({ contactId, shopId })?.jid ?? '').split('@')[0]?.replace(/\D/g, '') ?? '';
    return digits.length >= 6 ? [`+${digits}`] : [];
  };
}
