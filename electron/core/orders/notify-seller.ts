import type { Order } from '../../../shared/domain/orders';
import { type NotifierNotice, notifierNotice } from '../../../shared/domain/notices';
import type { EventBus } from '../events';
import type { Notifier } from '../ports';

/**
 * Order #12: Samira, 13600 DZD (Oran), Robe ×2 — enough to act on from the notification alone. Names and
 * places come from the customer; the words around them are the shell's, in the seller's language.
 */
export function orderNotice(order: Order): NotifierNotice {
  const items = order.items
    .map((i) => `${i.name}${i.variant ? ` (${i.variant})` : ''}${i.quantity > 1 ? ` ×${i.quantity}` : ''}`)
    .join(', ');
  return notifierNotice('order_created', {
    id: order.id,
    customer: order.customerName,
    total: order.total,
    currency: order.currency,
    place: [order.wilaya, order.commune].filter(Boolean).join(', '),
    items,
  });
}

/**
 * Every confirmed order reaches the seller's notifier (a desktop notification in Electron, a log
 * line headless), as escalations do. Returns the detach function.
 */
export function notifySellerOfOrders({ bus, notifier }: { bus: EventBus; notifier: Notifier }): () => void {
  return bus.on('orders/created', (order) => notifier.notify(orderNotice(order)));
}
