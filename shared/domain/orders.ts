import { z } from 'zod';
import { CustomerLanguage, Id, IsoTime } from './schemas';

/** An order's life: new → confirmed → shipped → delivered, or cancelled / returned on the way. */
export const OrderStatus = z.enum(['new', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Which status moves are allowed: the seller cannot "un-deliver" an order by mistake. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  new: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered', 'returned', 'cancelled'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
};

export const OrderLine = z.object({
  sku: z.string(),
  name: z.string(),
  variant: z.string().nullable(),
  quantity: z.number().int().positive(),
  /** Price of one unit at order time (the catalog may change later). */
  unitPrice: z.number().nonnegative(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const Order = z.object({
  id: Id,
  shopId: Id,
  conversationId: Id.nullable(),
  contactId: Id.nullable(),
  status: OrderStatus,
  customerName: z.string(),
  phone: z.string(),
  /** Wilaya (Algeria) or city, canonical name when recognised. */
  wilaya: z.string(),
  /** Commune / district when the customer gave one. */
  commune: z.string(),
  address: z.string(),
  currency: z.string(),
  itemsTotal: z.number().nonnegative(),
  /** null = the shop facts gave no fee for this zone (the seller fills it in). */
  deliveryFee: z.number().nonnegative().nullable(),
  total: z.number().nonnegative(),
  /** Cash the courier actually collected (cash on delivery), once known. */
  cashCollected: z.number().nonnegative().nullable(),
  language: CustomerLanguage.nullable(),
  items: z.array(OrderLine),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Order = z.infer<typeof Order>;

export const OrderSummary = Order.omit({ items: true }).extend({
  itemCount: z.number().int().nonnegative(),
  /** "Robe rouge ×2, Sac noir" — enough for a list row. */
  itemsLabel: z.string(),
});
export type OrderSummary = z.infer<typeof OrderSummary>;
