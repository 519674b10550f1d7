import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/orders';
import type { Client } from '../../api/client';
import { mergeOrder, nextStatuses } from './orders-model';
import { createOrdersStore } from './orders-store';

const order = (id: number, over: Partial<Order> = {}): Order => ({
  id,
  shopId: 1,
  conversationId: 5,
  contactId: 2,
  status: 'new',
  customerName: 'Amine',
  phone: '0555123456',
  wilaya: 'Oran',
  commune: '',
  address: 'Cité',
  currency: 'DZD',
  itemsTotal: 4500,
  deliveryFee: 600,
  total: 5100,
  cashCollected: null,
  language: 'fr',
  items: [{ sku: 'S', name: 'Sac', variant: null, quantity: 1, unitPrice: 4500 }],
  createdAt: '2026-01-01',
  updatedAt: '2026-01-01',
  ...over,
});
const summary = (o: Order) => {
  const { items: _i, ...rest } = o;
  return { ...rest, itemCount: 1, itemsLabel: 'Sac' };
};

/** A client over an in-memory order list, answering as core's contract says. */
function fakeClient(orders: Order[]) {
  const calls: { name: string; input: unknown }[] = [];
  const client = {
    async send(name: string, input: Record<string, unknown>) {
      calls.push({ name, input });
      if (name === 'orders/list') {
        const items = orders
          .filter(
            (o) => (!input.status || o.status === input.status) && (!input.conversationId || o.conversationId === input.conversationId),
          )
          .map(summary);
        return { items, total: items.length };
      }
      if (name === 'orders/get') return orders.find((o) => o.id === input.orderId);
      if (name === 'orders/set-status') {
        const o = orders.find((x) => x.id === input.orderId)!;
        o.status = input.status as Order['status'];
        return { order: o, customerNotified: Boolean(input.notifyCustomer) };
      }
      if (name === 'orders/export-csv') return { filename: 'orders.csv', csv: 'name\r\n', rows: 0 };
      throw new Error(name);
    },
    subscribe: () => () => {},
    onConnection: () => () => {},
  } as unknown as Client;
  return { client, calls };
}

describe('orders store', () => {
  it('loads the shop, filters by status, moves a status through the contract and follows pushed orders', async () => {
    const { client, calls } = fakeClient([order(1), order(2, { status: 'confirmed', conversationId: 9 })]);
    const store = createOrdersStore({ client });
    store.getState().setShop(1);
    await store.getState().load();
    expect(store.getState().rows.map((r) => r.id)).toEqual([1, 2]);
    await store.getState().setFilter({ status: 'new' });
    expect(store.getState().rows.map((r) => r.id)).toEqual([1]);
    expect(await store.getState().setStatus(1, 'confirmed', { notifyCustomer: true })).toBe(true);
    expect(calls.at(-1)).toMatchObject({ name: 'orders/set-status', input: { orderId: 1, status: 'confirmed', notifyCustomer: true } });
    expect(store.getState().rows).toEqual([]); // no longer "new"
    store.getState().applyOrder(order(3));
    expect(store.getState().rows.map((r) => r.id)).toEqual([3]);
    store.getState().applyOrder(order(4, { shopId: 2 }));
    expect(store.getState().rows.map((r) => r.id)).toEqual([3]);
    await store.getState().showConversation(9);
    expect(store.getState().conversationOrders.map((r) => r.id)).toEqual([2]);
  });

  it('offers only the allowed status moves', () => {
    expect(nextStatuses('new')).toEqual(['confirmed', 'cancelled']);
    expect(nextStatuses('cancelled')).toEqual([]);
    expect(mergeOrder([], summary(order(1, { status: 'shipped' })), { status: 'new' })).toEqual([]);
  });
});
