import type { OptedOutCustomer } from '../../../../shared/domain/learning';
import { isOptOut } from './opt-out';
import type { WritableSqlite } from '../../store';

interface Row {
  contact_id: number;
  jid: string;
  name: string | null;
  created_at: string;
  text: string | null;
  conversation_id: number | null;
}

/**
 * Customers who said stop, per shop. An opt-out is recorded as soon as the customer says it (and
 * by the follow-up check, for history from before), lasts, and is lifted only when the seller opts
 * the customer back in — the messages up to that moment are then no longer read as a stop, and a
 * new "stop" re-arms it.
 */
export function makeOptOutsRepo(sqlite: WritableSqlite) {
  const s = {
    list: sqlite.prepare<[number], Row>(
      `SELECT o.contact_id, k.jid, k.name, o.created_at, m.text, m.conversation_id
       FROM opt_outs o JOIN contacts k ON k.id = o.contact_id LEFT JOIN messages m ON m.id = o.message_id
       WHERE o.shop_id = ? AND o.lifted_at IS NULL ORDER BY o.created_at DESC, o.contact_id DESC LIMIT 1000`,
    ),
    active: sqlite.prepare<[number], { n: number }>('SELECT 1 AS n FROM opt_outs WHERE contact_id = ? AND lifted_at IS NULL'),
    liftedAfter: sqlite.prepare<[number], { after: number | null }>(
      'SELECT lifted_after_message_id AS after FROM opt_outs WHERE contact_id = ?',
    ),
    // Insert, or re-arm a lifted one: the new message and time replace the old.
    record: sqlite.prepare<[number, number, number, string]>(
      `INSERT INTO opt_outs (contact_id, shop_id, message_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (contact_id) DO UPDATE SET message_id = excluded.message_id, created_at = excluded.created_at, lifted_at = NULL
       WHERE opt_outs.lifted_at IS NOT NULL`,
    ),
    lift: sqlite.prepare<[string, number, number, number]>(
      `UPDATE opt_outs SET lifted_at = ?, lifted_after_message_id = (SELECT max(m.id) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.contact_id = ?)
       WHERE contact_id = ? AND shop_id = ? AND lifted_at IS NULL`,
    ),
  };
  return {
    isOptedOut: (contactId: number) => s.active.get(contactId) !== undefined,
    /** Messages after this id may opt the customer out again (0: every message). */
    readFrom: (contactId: number) => s.liftedAfter.get(contactId)?.after ?? 0,
    /** A customer's message: when it says stop, the opt-out is recorded (true). */
    recordIfStop(shopId: number, contactId: number, messageId: number, text: string, now: string): boolean {
      if (!isOptOut(text)) return false;
      s.record.run(contactId, shopId, messageId, now);
      return true;
    },
    record: (shopId: number, contactId: number, messageId: number, now: string) => void s.record.run(contactId, shopId, messageId, now),
    list: (shopId: number): OptedOutCustomer[] =>
      s.list.all(shopId).map((r) => ({
        contactId: r.contact_id,
        name: r.name,
        phone: r.jid.includes('@s.whatsapp.net') ? `+${r.jid.split('@')[0]}` : null,
        since: r.created_at,
        text: r.text,
        conversationId: r.conversation_id,
      })),
    /** The seller opts the customer back in (the customer asked again); false when not opted out. */
    optIn: (shopId: number, contactId: number, now: string): boolean => s.lift.run(now, contactId, contactId, shopId).changes === 1,
  };
}
