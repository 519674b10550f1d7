import type { Order } from '../../../shared/domain/orders';
import type { EventBus } from '../events';
import type { Notifier } from '../ports';

/** "Order #12: Samira, 13600 DZD (Oran) — Robe ×2": enough to act on from the notification alone. */
export function orderNotice(order: Order): { title: string; body: string } {
  const items = order.items
    .map((i) => `${i.name}${i.variant ? ` (${i.variant})` : ''}${i.quantity > 1 ? ` ×${i.quantity}` : ''}`)
    .join(', ');
  const where = [order.wilaya, order.commune].filter(Boolean).join(', ');
  return {
    title: `Souqbot: new order #${order.id}`,
    body: `${order.customerName || 'A customer'}, ${order.total} ${order.currency}${where ? ` (${where})` : ''} — ${items}`,
  };
}

/**
 * Every confirmed order reaches the seller's notifier (a desktop notification in Electron, a log
 * line headless), as escalations do. Returns the detach function.
 */
export function notifySellerOfOrders({ bus, notifier }: { bus: EventBus; notifier: Notifier }): () => void {
  return bus.on('orders/created', (order) => {
    const { title, body } = orderNotice(order);
    notifier.notify(title, body);
  });
}
