import { ContractError } from '../../../shared/contract';
import { ORDER_TRANSITIONS, type Order } from '../../../shared/domain/orders';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { ordersToCourierCsv } from './courier-csv';
import type { CustomerMessenger } from './customer-messenger';
import type { OrdersRepo } from './repo';

export interface OrdersAppDeps {
  /** The orders repository (reads, status changes). */
  orders: OrdersRepo;
  /** Sends the customer the status message a change implies (confirmed, shipped), through the outbox. */
  messenger: CustomerMessenger;
  /** What the customer is told when the seller moves their order on (the brain's phrasebook, wired by create-core). */
  statusMessage(order: Order): string | null;
}

/** Handlers of shared/contract/orders.ts. */
export function ordersHandlers(ctx: CoreContext, { orders, messenger, statusMessage }: OrdersAppDeps): HandlerMap {
  async function requireOrder(shopId: number, orderId: number) {
    const order = await orders.get(shopId, orderId);
    if (!order) throw new ContractError('not_found', `No order ${orderId}`);
    return order;
  }

  return {
    'orders/list': async (q) => {
      await requireShop(ctx, q.shopId);
      return orders.list(q);
    },
    'orders/get': async ({ shopId, orderId }) => {
      await requireShop(ctx, shopId);
      return requireOrder(shopId, orderId);
    },
    'orders/set-status': async ({ shopId, orderId, status, cashCollected, notifyCustomer }) => {
      await requireShop(ctx, shopId);
      const current = await requireOrder(shopId, orderId);
      if (status !== current.status && !ORDER_TRANSITIONS[current.status].includes(status)) {
        throw new ContractError('conflict', `An order that is ${current.status} cannot become ${status}`);
      }
      const order = await orders.setStatus(shopId, orderId, status, ctx.clock.now().toISOString(), cashCollected);
      if (!order) throw new ContractError('not_found', `No order ${orderId}`);
      ctx.bus.emit('orders/updated', order);
      let customerNotified = false;
      if (notifyCustomer && status !== current.status && order.conversationId !== null) {
        const text = statusMessage(order);
        if (text) customerNotified = await messenger.sendToConversation(shopId, order.conversationId, text);
      }
      return { order, customerNotified };
    },
    'orders/export-csv': async ({ shopId, status }) => {
      await requireShop(ctx, shopId);
      const all = [];
      // Pages of 500 keep memory flat on a big shop; the lines are loaded per page.
      for (let offset = 0; ; offset += 500) {
        const page = await orders.list({ shopId, status, offset, limit: 500 });
        for (const s of page.items) {
          const full = await orders.get(shopId, s.id);
          if (full) all.push(full);
        }
        if (page.items.length < 500) break;
      }
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return { filename: `orders-${day}${status ? `-${status}` : ''}.csv`, csv: ordersToCourierCsv(all), rows: all.length };
    },
  };
}
