import type { CustomerProfile, CustomerProfilePatch } from '../../../../shared/domain/learning';
import type { Order } from '../../../../shared/domain/orders';
import type { CustomerMemory } from '../../brain';
import type { Selectable } from 'kysely';
import type { CustomerProfilesTable } from '../tables';
import type { WritableSqlite } from '../../store';

/** A row as SQLite returns it: the table's own type. */
type Row = Omit<Selectable<CustomerProfilesTable>, 'updated_at'>;

const MAX_INTERESTS = 12;
const REORDER_ANSWER_MS = 2 * 3_600_000;

/** Customer profiles (migration 0034) with the orders they placed. */
export function makeProfilesRepo(sqlite: WritableSqlite) {
  const s = {
    get: sqlite.prepare<[number, number], Row>('SELECT * FROM customer_profiles WHERE shop_id = ? AND contact_id = ?'),
    ensure: sqlite.prepare<[number, number, string]>(
      'INSERT INTO customer_profiles (contact_id, shop_id, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    fromOrder: sqlite.prepare(
      `UPDATE customer_profiles SET name = coalesce(nullif(@name, ''), name), phone = coalesce(nullif(@phone, ''), phone),
         wilaya = coalesce(nullif(@wilaya, ''), wilaya), commune = coalesce(nullif(@commune, ''), commune),
         address = coalesce(nullif(@address, ''), address), language = coalesce(@language, language), updated_at = @now
       WHERE contact_id = @contactId AND shop_id = @shopId`,
    ),
    turn: sqlite.prepare<[string, string, string, string, number, number]>(
      'UPDATE customer_profiles SET language = ?, interests = ?, last_interaction_at = ?, updated_at = ? WHERE contact_id = ? AND shop_id = ?',
    ),
    offered: sqlite.prepare<[number, string, number]>(
      'UPDATE customer_profiles SET reorder_offered_in = ?, reorder_offered_at = ? WHERE contact_id = ?',
    ),
    orderCount: sqlite.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM orders WHERE shop_id = ? AND contact_id = ?'),
    lastOrder: sqlite.prepare<[number, number], { id: number; wilaya: string; address: string }>(
      'SELECT id, wilaya, address FROM orders WHERE shop_id = ? AND contact_id = ? ORDER BY created_at DESC, id DESC LIMIT 1',
    ),
    items: sqlite.prepare<[number], { sku: string; name: string; quantity: number; variant: string | null }>(
      'SELECT sku, name, quantity, variant FROM order_items WHERE order_id = ? ORDER BY id',
    ),
    edit: sqlite.prepare(
      `UPDATE customer_profiles SET name = @name, phone = @phone, wilaya = @wilaya, commune = @commune, address = @address, updated_at = @now
       WHERE contact_id = @contactId AND shop_id = @shopId`,
    ),
    contactOf: sqlite.prepare<[number, number], { id: number }>('SELECT id FROM contacts WHERE shop_id = ? AND id = ?'),
    forget: sqlite.prepare<[number, number]>('DELETE FROM customer_profiles WHERE shop_id = ? AND contact_id = ?'),
  };

  const interestsOf = (row: Row | undefined): string[] => (row ? (JSON.parse(row.interests) as unknown[]).map(String) : []);

  function profile(shopId: number, contactId: number): CustomerProfile | null {
    const row = s.get.get(shopId, contactId);
    const orders = s.orderCount.get(shopId, contactId)!.n;
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
      const last = s.lastOrder.get(shopId, contactId);
      const row = s.get.get(shopId, contactId);
      return {
        ...p,
        lastOrder: last ? { items: s.items.all(last.id), wilaya: last.wilaya, address: last.address } : null,
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
      s.ensure.run(order.contactId, order.shopId, now);
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
      s.ensure.run(contactId, shopId, now);
      const interests = [...new Set([...skus, ...interestsOf(s.get.get(shopId, contactId))])].slice(0, MAX_INTERESTS);
      s.turn.run(language, JSON.stringify(interests), now, now, contactId, shopId);
    },
    markReorderOffered: (contactId: number, conversationId: number, now: string) => s.offered.run(conversationId, now, contactId),
    /** The seller's edit; null when the contact is not the shop's. */
    edit(shopId: number, contactId: number, patch: CustomerProfilePatch, now: string): CustomerProfile | null {
      if (!s.contactOf.get(shopId, contactId)) return null;
      s.ensure.run(contactId, shopId, now);
      const current = s.get.get(shopId, contactId)!;
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
    forget: (shopId: number, contactId: number) => s.forget.run(shopId, contactId).changes > 0,
  };
}
