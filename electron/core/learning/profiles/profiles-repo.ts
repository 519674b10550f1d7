import type { CustomerProfile, CustomerProfilePatch } from '../../../../shared/domain/learning';
import type { Order } from '../../../../shared/domain/orders';
import type { CustomerMemory } from '../../brain';
import { type Selectable, sql } from 'kysely';
import type { Database } from '../../database';
import type { CustomerProfilesTable } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

/** A row as SQLite returns it: the table's own type. */
type Row = Omit<Selectable<CustomerProfilesTable>, 'updated_at'>;

const MAX_INTERESTS = 12;
const REORDER_ANSWER_MS = 2 * 3_600_000;

/** Customer profiles (migration 0034) with the orders they placed. */
export function makeProfilesRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  /** A value from an order replaces the stored one unless it is empty. */
  const unlessEmpty = (value: string, column: 'name' | 'phone' | 'wilaya' | 'commune' | 'address') =>
    sql<string | null>`coalesce(nullif(${value}, ''), ${sql.ref(column)})`;
  const s = {
    get: statements.prepare((db, p: { shopId: number; contactId: number }) =>
      db.selectFrom('customer_profiles').selectAll().where('shop_id', '=', p.shopId).where('contact_id', '=', p.contactId),
    ),
    ensure: statements.prepare((db, p: { contactId: number; shopId: number; now: string }) =>
      db
        .insertInto('customer_profiles')
        .values({ contact_id: p.contactId, shop_id: p.shopId, updated_at: p.now })
        .onConflict((oc) => oc.doNothing()),
    ),
    fromOrder: statements.prepare(
      (
        db,
        p: {
          contactId: number;
          shopId: number;
          name: string;
          phone: string;
          wilaya: string;
          commune: string;
          address: string;
          language: string | null;
          now: string;
        },
      ) =>
        db
          .updateTable('customer_profiles')
          .set((eb) => ({
            name: unlessEmpty(p.name, 'name'),
            phone: unlessEmpty(p.phone, 'phone'),
            wilaya: unlessEmpty(p.wilaya, 'wilaya'),
            commune: unlessEmpty(p.commune, 'commune'),
            address: unlessEmpty(p.address, 'address'),
            language: eb.fn.coalesce(eb.val(p.language), eb.ref('language')),
            updated_at: p.now,
          }))
          .where('contact_id', '=', p.contactId)
          .where('shop_id', '=', p.shopId),
    ),
    turn: statements.prepare((db, p: { language: string; interests: string; now: string; contactId: number; shopId: number }) =>
      db
        .updateTable('customer_profiles')
        .set({ language: p.language, interests: p.interests, last_interaction_at: p.now, updated_at: p.now })
        .where('contact_id', '=', p.contactId)
        .where('shop_id', '=', p.shopId),
    ),
    offered: statements.prepare((db, p: { conversationId: number; now: string; contactId: number }) =>
      db
        .updateTable('customer_profiles')
        .set({ reorder_offered_in: p.conversationId, reorder_offered_at: p.now })
        .where('contact_id', '=', p.contactId),
    ),
    orderCount: statements.prepare((db, p: { shopId: number; contactId: number }) =>
      db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', p.shopId)
        .where('contact_id', '=', p.contactId),
    ),
    lastOrder: statements.prepare((db, p: { shopId: number; contactId: number }) =>
      db
        .selectFrom('orders')
        .select(['id', 'wilaya', 'address'])
        .where('shop_id', '=', p.shopId)
        .where('contact_id', '=', p.contactId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1),
    ),
    items: statements.prepare((db, p: { orderId: number }) =>
      db.selectFrom('order_items').select(['sku', 'name', 'quantity', 'variant']).where('order_id', '=', p.orderId).orderBy('id'),
    ),
    edit: statements.prepare(
      (
        db,
        p: {
          contactId: number;
          shopId: number;
          name: string | null;
          phone: string | null;
          wilaya: string | null;
          commune: string | null;
          address: string | null;
          now: string;
        },
      ) =>
        db
          .updateTable('customer_profiles')
          .set({ name: p.name, phone: p.phone, wilaya: p.wilaya, commune: p.commune, address: p.address, updated_at: p.now })
          .where('contact_id', '=', p.contactId)
          .where('shop_id', '=', p.shopId),
    ),
    contactOf: statements.prepare((db, p: { shopId: number; contactId: number }) =>
      db.selectFrom('contacts').select('id').where('shop_id', '=', p.shopId).where('id', '=', p.contactId),
    ),
    forget: statements.prepare((db, p: { shopId: number; contactId: number }) =>
      db.deleteFrom('customer_profiles').where('shop_id', '=', p.shopId).where('contact_id', '=', p.contactId),
    ),
  };

  const interestsOf = (row: Row | undefined): string[] => (row ? (JSON.parse(row.interests) as unknown[]).map(String) : []);

  function profile(shopId: number, contactId: number): CustomerProfile | null {
    const row = s.get.get({ shopId, contactId });
    const orders = s.orderCount.get({ shopId, contactId })!.n;
    if (!row && orders === 0) return null;
    return {
      contactId,
      name: row?.name ?? null,
      phone: row?.phone ?? null,
      wilaya: row?.wilaya ?? null,
      commune: row?.commune ?? null,
      address: row?.address ?? null,
      language: row?.language ?? null,
      orders,
      interests: interestsOf(row),
      lastInteractionAt: row?.last_interaction_at ?? null,
    };
  }

  return {
    profile,
    /** What the brain gets: the profile, the last order's lines and where it went. */
    memory(shopId: number, contactId: number, conversationId: number, now: Date): CustomerMemory | null {
      const p = profile(shopId, contactId);
      if (!p) return null;
      const last = s.lastOrder.get({ shopId, contactId });
      const row = s.get.get({ shopId, contactId });
      return {
        ...p,
        lastOrder: last ? { items: s.items.all({ orderId: last.id }), wilaya: last.wilaya, address: last.address } : null,
        // An offer is answered soon or not at all: a "yes" days later is about something else.
        reorderOffered:
          row?.reorder_offered_in === conversationId &&
          !!row.reorder_offered_at &&
          now.getTime() - Date.parse(row.reorder_offered_at) < REORDER_ANSWER_MS,
      };
    },
    /** An order's details become the customer's (the latest details are the right ones). */
    recordOrder(order: Order, now: string): void {
      if (order.contactId === null) return;
      s.ensure.run({ contactId: order.contactId, shopId: order.shopId, now });
      s.fromOrder.run({
        contactId: order.contactId,
        shopId: order.shopId,
        name: order.customerName,
        phone: order.phone,
        wilaya: order.wilaya,
        commune: order.commune,
        address: order.address,
        language: order.language ?? null,
        now,
      });
    },
    /** A turn: the language spoken, the products asked about, the time. */
    recordTurn(shopId: number, contactId: number, language: string, skus: readonly string[], now: string): void {
      s.ensure.run({ contactId, shopId, now });
      const interests = [...new Set([...skus, ...interestsOf(s.get.get({ shopId, contactId }))])].slice(0, MAX_INTERESTS);
      s.turn.run({ language, interests: JSON.stringify(interests), now, contactId, shopId });
    },
    markReorderOffered: (contactId: number, conversationId: number, now: string) => s.offered.run({ conversationId, now, contactId }),
    /** The seller's edit; null when the contact is not the shop's. */
    edit(shopId: number, contactId: number, patch: CustomerProfilePatch, now: string): CustomerProfile | null {
      if (!s.contactOf.get({ shopId, contactId })) return null;
      s.ensure.run({ contactId, shopId, now });
      const current = s.get.get({ shopId, contactId })!;
      s.edit.run({
        contactId,
        shopId,
        name: patch.name === undefined ? current.name : patch.name || null,
        phone: patch.phone === undefined ? current.phone : patch.phone || null,
        wilaya: patch.wilaya === undefined ? current.wilaya : patch.wilaya || null,
        commune: patch.commune === undefined ? current.commune : patch.commune || null,
        address: patch.address === undefined ? current.address : patch.address || null,
        now,
      });
      return profile(shopId, contactId);
    },
    /** Learning forgets the profile (the customer's messages and orders are contacts/delete's). */
    forget: (shopId: number, contactId: number) => s.forget.run({ shopId, contactId }).changes > 0,
  };
}
