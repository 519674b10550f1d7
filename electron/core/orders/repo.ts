import { CompiledQuery, type Selectable } from 'kysely';
import type { CustomerLanguage } from '../../../shared/domain/schemas';
import type { Order, OrderLine, OrderStatus, OrderSummary } from '../../../shared/domain/orders';
import type { Database } from '../database';
import type { OrdersTable } from './tables';
import type { WritableDB } from '../store';

/** What the brain hands over when the customer confirms. */
export interface NewOrder {
  shopId: number;
  conversationId: number | null;
  contactId: number | null;
  customerName: string;
  phone: string;
  wilaya: string;
  commune: string;
  address: string;
  currency: string;
  deliveryFee: number | null;
  language: CustomerLanguage | null;
  items: OrderLine[];
  /** The inbound message that confirmed: the idempotency key. */
  createdFromMessageId: number | null;
  now: string;
}

export interface OrderListQuery {
  shopId: number;
  status?: OrderStatus | undefined;
  contactId?: number | undefined;
  conversationId?: number | undefined;
  query?: string | undefined;
  offset: number;
  limit: number;
}

/** Money is summed in minor units so 0.1 + 0.2 never shows as 0.30000000000000004. */
export const sumLines = (items: readonly Pick<OrderLine, 'quantity' | 'unitPrice'>[]): number =>
  Math.round(items.reduce((acc, l) => acc + Math.round(l.unitPrice * 100) * l.quantity, 0)) / 100;

const label = (items: readonly OrderLine[]): string =>
  items.map((i) => `${i.name}${i.variant ? ` (${i.variant})` : ''}${i.quantity > 1 ? ` ×${i.quantity}` : ''}`).join(', ');

function toSummary(row: Selectable<OrdersTable>, items: OrderLine[]): OrderSummary {
  return {
    id: row.id,
    shopId: row.shop_id,
    conversationId: row.conversation_id,
    contactId: row.contact_id,
    status: row.status as OrderStatus,
    customerName: row.customer_name,
    phone: row.phone,
    wilaya: row.wilaya,
    commune: row.commune,
    address: row.address,
    currency: row.currency,
    itemsTotal: row.items_total,
    deliveryFee: row.delivery_fee,
    total: row.total,
    cashCollected: row.cash_collected,
    language: row.language as CustomerLanguage | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    itemsLabel: label(items),
  };
}

function toOrder(row: Selectable<OrdersTable>, items: OrderLine[]): Order {
  const { itemCount: _n, itemsLabel: _l, ...rest } = toSummary(row, items);
  return { ...rest, items };
}

/** One repository for the order aggregate (order + its lines). Takes a handle or a transaction. */
export function makeOrdersRepo(db: WritableDB<Database>) {
  async function linesOf(orderIds: number[]): Promise<Map<number, OrderLine[]>> {
    const byOrder = new Map<number, OrderLine[]>();
    if (orderIds.length === 0) return byOrder;
    const rows = await db.selectFrom('order_items').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute();
    for (const r of rows) {
      const list = byOrder.get(r.order_id) ?? [];
      list.push({ sku: r.sku, name: r.name, variant: r.variant, quantity: r.quantity, unitPrice: r.unit_price });
      byOrder.set(r.order_id, list);
    }
    return byOrder;
  }

  async function get(shopId: number, id: number): Promise<Order | undefined> {
    const row = await db.selectFrom('orders').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toOrder(row, (await linesOf([id])).get(id) ?? []);
  }

  // Asked on every turn (did this message already place an order?): compiled once, its one value bound per call.
  let byMessageSql: string | undefined;
  async function byMessage(messageId: number): Promise<Order | undefined> {
    byMessageSql ??= db.selectFrom('orders').selectAll().where('created_from_message_id', '=', 0).compile().sql;
    const row = (await db.executeQuery<Selectable<OrdersTable>>(CompiledQuery.raw(byMessageSql, [messageId]))).rows[0];
    if (!row) return undefined;
    return toOrder(row, (await linesOf([row.id])).get(row.id) ?? []);
  }

  return {
    get,
    byMessage,

    /**
     * Inserts the order and its lines. Not transactional by itself: the caller (placeOrder) wraps
     * it with the stock decrement in one transaction.
     */
    async insert(o: NewOrder): Promise<Order> {
      const itemsTotal = sumLines(o.items);
      const total = Math.round((itemsTotal + (o.deliveryFee ?? 0)) * 100) / 100;
      const { id } = await db
        .insertInto('orders')
        .values({
          shop_id: o.shopId,
          conversation_id: o.conversationId,
          contact_id: o.contactId,
          status: 'new',
          customer_name: o.customerName,
          phone: o.phone,
          wilaya: o.wilaya,
          commune: o.commune,
          address: o.address,
          currency: o.currency,
          items_total: itemsTotal,
          delivery_fee: o.deliveryFee,
          total,
          cash_collected: null,
          language: o.language,
          created_from_message_id: o.createdFromMessageId,
          created_at: o.now,
          updated_at: o.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('order_items')
        .values(
          o.items.map((i) => ({
            order_id: id,
            shop_id: o.shopId,
            sku: i.sku,
            name: i.name,
            variant: i.variant,
            quantity: i.quantity,
            unit_price: i.unitPrice,
          })),
        )
        .execute();
      const saved = await get(o.shopId, id);
      if (!saved) throw new Error(`order ${id} vanished after insert`);
      return saved;
    },

    async list(q: OrderListQuery): Promise<{ items: OrderSummary[]; total: number }> {
      let filtered = db.selectFrom('orders').where('shop_id', '=', q.shopId);
      if (q.status) filtered = filtered.where('status', '=', q.status);
      if (q.contactId !== undefined) filtered = filtered.where('contact_id', '=', q.contactId);
      if (q.conversationId !== undefined) filtered = filtered.where('conversation_id', '=', q.conversationId);
      const needle = q.query?.trim();
      if (needle) {
        const like = `%${needle.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        filtered = filtered.where((eb) =>
          eb.or([eb('customer_name', 'like', like), eb('phone', 'like', like), eb('wilaya', 'like', like), eb('address', 'like', like)]),
        );
      }
      const [rows, count] = await Promise.all([
        filtered.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const lines = await linesOf(rows.map((r) => r.id));
      return { items: rows.map((r) => toSummary(r, lines.get(r.id) ?? [])), total: Number(count.n) };
    },

    async setStatus(
      shopId: number,
      id: number,
      status: OrderStatus,
      now: string,
      cashCollected?: number | null,
    ): Promise<Order | undefined> {
      let update = db.updateTable('orders').set({ status, updated_at: now });
      if (cashCollected !== undefined) update = update.set({ cash_collected: cashCollected });
      await update.where('shop_id', '=', shopId).where('id', '=', id).execute();
      return get(shopId, id);
    },

    /** Orders that were not cancelled: the honest number behind "N customers ordered from us". */
    async countPlaced(shopId: number): Promise<number> {
      const row = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', shopId)
        .where('status', 'not in', ['cancelled'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Units of one SKU sold since a time (excluding cancelled orders): real recent sales. */
    async unitsSoldSince(shopId: number, sku: string, sinceIso: string): Promise<number> {
      const row = await db
        .selectFrom('order_items as i')
        .innerJoin('orders as o', 'o.id', 'i.order_id')
        .select((eb) => eb.fn.sum<number | null>('i.quantity').as('n'))
        .where('i.shop_id', '=', shopId)
        .where('i.sku', '=', sku)
        .where('o.status', 'not in', ['cancelled'])
        .where('o.created_at', '>=', sinceIso)
        .executeTakeFirstOrThrow();
      return Number(row.n ?? 0);
    },

    /** A contact's earlier orders, newest first (reorder suggestions, remembered address). */
    async ofContact(shopId: number, contactId: number, limit: number): Promise<Order[]> {
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('contact_id', '=', contactId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      const lines = await linesOf(rows.map((r) => r.id));
      return rows.map((r) => toOrder(r, lines.get(r.id) ?? []));
    },
  };
}
export type OrdersRepo = ReturnType<typeof makeOrdersRepo>;
