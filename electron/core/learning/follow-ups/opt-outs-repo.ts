import type { OptedOutCustomer } from '../../../../shared/domain/learning';
import { isOptOut } from './opt-out';
import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

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
  const statements = typedStatements<Database>(sqlite);
  const s = {
    list: statements.prepare((db, p: { shopId: number }) =>
      db
        .selectFrom('opt_outs as o')
        .innerJoin('contacts as k', 'k.id', 'o.contact_id')
        .leftJoin('messages as m', 'm.id', 'o.message_id')
        .select(['o.contact_id', 'k.jid', 'k.name', 'o.created_at', 'm.text', 'm.conversation_id'])
        .where('o.shop_id', '=', p.shopId)
        .where('o.lifted_at', 'is', null)
        .orderBy('o.created_at', 'desc')
        .orderBy('o.contact_id', 'desc')
        .limit(1000),
    ),
    active: statements.prepare((db, p: { contactId: number }) =>
      db
        .selectFrom('opt_outs')
        .select((eb) => eb.lit(1).as('n'))
        .where('contact_id', '=', p.contactId)
        .where('lifted_at', 'is', null),
    ),
    liftedAfter: statements.prepare((db, p: { contactId: number }) =>
      db.selectFrom('opt_outs').select('lifted_after_message_id as after').where('contact_id', '=', p.contactId),
    ),
    // Insert, or re-arm a lifted one: the new message and time replace the old.
    record: statements.prepare((db, p: { contactId: number; shopId: number; messageId: number; now: string }) =>
      db
        .insertInto('opt_outs')
        .values({ contact_id: p.contactId, shop_id: p.shopId, message_id: p.messageId, created_at: p.now })
        .onConflict((oc) =>
          oc
            .column('contact_id')
            .doUpdateSet((eb) => ({
              message_id: eb.ref('excluded.message_id'),
              created_at: eb.ref('excluded.created_at'),
              lifted_at: null,
            }))
            .where('opt_outs.lifted_at', 'is not', null),
        ),
    ),
    lift: statements.prepare((db, p: { now: string; contactId: number; shopId: number }) =>
      db
        .updateTable('opt_outs')
        .set((eb) => ({
          lifted_at: p.now,
          lifted_after_message_id: eb
            .selectFrom('messages as m')
            .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
            .select((e) => e.fn.max('m.id').as('id'))
            .where('c.contact_id', '=', p.contactId),
        }))
        .where('contact_id', '=', p.contactId)
        .where('shop_id', '=', p.shopId)
        .where('lifted_at', 'is', null),
    ),
  };
  return {
    isOptedOut: (contactId: number) => s.active.get({ contactId }) !== undefined,
    /** Messages after this id may opt the customer out again (0: every message). */
    readFrom: (contactId: number) => s.liftedAfter.get({ contactId })?.after ?? 0,
    /** A customer's message: when it says stop, the opt-out is recorded (true). */
    recordIfStop(shopId: number, contactId: number, messageId: number, text: string, now: string): boolean {
      if (!isOptOut(text)) return false;
      s.record.run({ contactId, shopId, messageId, now });
      return true;
    },
    record: (shopId: number, contactId: number, messageId: number, now: string) => void s.record.run({ contactId, shopId, messageId, now }),
    list: (shopId: number): OptedOutCustomer[] =>
      s.list.all({ shopId }).map((r: Row) => ({
        contactId: r.contact_id,
        name: r.name,
        phone: r.jid.includes('@s.whatsapp.net') ? `+${r.jid.split('@')[0]}` : null,
        since: r.created_at,
        text: r.text,
        conversationId: r.conversation_id,
      })),
    /** The seller opts the customer back in (the customer asked again); false when not opted out. */
    optIn: (shopId: number, contactId: number, now: string): boolean => s.lift.run({ now, contactId, shopId }).changes === 1,
  };
}
