import { z } from 'zod';
import { Id } from '../domain/schemas';
import { Order, OrderStatus, OrderSummary } from '../domain/orders';
import { call, event } from './define';

const Money = z.number().nonnegative().max(1e9);

export const ordersCalls = {
  'orders/list': call(
    "A shop's orders, newest first, filtered by status, contact, conversation or a search text.",
    z
      .object({
        shopId: Id,
        status: OrderStatus.optional(),
        contactId: Id.optional(),
        conversationId: Id.optional(),
        query: z.string().max(200).optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(50),
      })
      .strict(),
    z.object({ items: z.array(OrderSummary), total: z.number().int().nonnegative() }),
  ),
  'orders/get': call('One order with its lines.', z.object({ shopId: Id, orderId: Id }).strict(), Order),
  'orders/set-status': call(
    'Move an order along (new → confirmed → shipped → delivered, or cancelled / returned), optionally recording the cash collected and messaging the customer.',
    z
      .object({
        shopId: Id,
        orderId: Id,
        status: OrderStatus,
        cashCollected: Money.optional(),
        /** Opt-in per change: send the customer a short status message in their language. */
        notifyCustomer: z.boolean().default(false),
      })
      .strict(),
    z.object({ order: Order, customerNotified: z.boolean() }),
  ),
  'orders/export-csv': call(
    'Orders as a courier-friendly CSV (name, phone, wilaya, commune, address, products, amount to collect).',
    z.object({ shopId: Id, status: OrderStatus.optional() }).strict(),
    z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
  ),
} as const;

export const ordersEvents = {
  /** A customer confirmed an order (the seller is notified). */
  'orders/created': event('A customer confirmed an order (the seller is notified).', Order),
  /** An order changed status. */
  'orders/updated': event('An order changed status.', Order),
} as const;
