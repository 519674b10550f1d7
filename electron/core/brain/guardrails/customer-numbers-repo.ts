import type SQLite from 'better-sqlite3';

/**
 * The numbers a customer is known by: their WhatsApp JID's digits. The guardrails let a reply
 * repeat them in any formatting (an order summary shows the customer's own phone).
 */
export function makeCustomerNumbersRepo(sqlite: SQLite.Database): (shopId: number, contactId: number) => string[] {
  const jidOf = sqlite.prepare<[number, number], { jid: string }>('SELECT jid FROM contacts WHERE id = ? AND shop_id = ?');
  return (shopId, contactId) => {
    const digits = (jidOf.get(contactId, shopId)?.jid ?? '').split('@')[0]?.replace(/\D/g, '') ?? '';
    return digits.length >= 6 ? [`+${digits}`] : [];
  };
}
