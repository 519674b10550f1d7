import { createStore } from 'zustand/vanilla';
import type { Order, OrderStatus, OrderSummary } from '../../../../shared/domain/orders';
import type { Client } from '../../api/client';
import { mergeOrder } from './orders-model';

export interface OrdersState {
  shopId: number | null;
  status: OrderStatus | null;
  query: string;
  rows: OrderSummary[];
  total: number;
  loading: boolean;
  selected: Order | null;
  /** Orders of the conversation the inbox has open (the side panel). */
  conversationId: number | null;
  conversationOrders: OrderSummary[];
  error: string | null;
}

export interface OrdersActions {
  setShop(shopId: number | null): void;
  setFilter(patch: { status?: OrderStatus | null; query?: string }): Promise<void>;
  load(): Promise<void>;
  select(orderId: number | null): Promise<void>;
  setStatus(orderId: number, status: OrderStatus, options?: { notifyCustomer?: boolean; cashCollected?: number }): Promise<boolean>;
  exportCsv(): Promise<{ filename: string; csv: string } | null>;
  showConversation(conversationId: number | null): Promise<void>;
  /** Pushed `orders/created` / `orders/updated` (called only from stores/wire-events.ts). */
  applyOrder(order: Order): void;
}

export type OrdersStore = ReturnType<typeof createOrdersStore>;

const summaryOf = (o: Order): OrderSummary => {
  const { items, ...rest } = o;
  return {
    ...rest,
    itemCount: items.reduce((n, i) => n + i.quantity, 0),
    itemsLabel: items.map((i) => `${i.name}${i.variant ? ` (${i.variant})` : ''}${i.quantity > 1 ? ` ×${i.quantity}` : ''}`).join(', '),
  };
};

/** The Orders page and the inbox side panel: view state only; every write goes through the contract. */
export function createOrdersStore({ client }: { client: Client }) {
  return createStore<OrdersState & OrdersActions>()((set, get) => {
    const fail = (err: unknown) => set({ error: err instanceof Error ? err.message : String(err) });
    return {
      shopId: null,
      status: null,
      query: '',
      rows: [],
      total: 0,
      loading: false,
      selected: null,
      conversationId: null,
      conversationOrders: [],
      error: null,

      setShop(shopId) {
        if (shopId === get().shopId) return;
        set({ shopId, rows: [], total: 0, selected: null, conversationOrders: [], conversationId: null });
        void get().load();
      },
      async setFilter(patch) {
        set({ status: patch.status === undefined ? get().status : patch.status, query: patch.query ?? get().query });
        await get().load();
      },
      async load() {
        const { shopId, status, query } = get();
        if (shopId === null) return;
        set({ loading: true });
        try {
          const page = await client.send('orders/list', {
            shopId,
            ...(status && { status }),
            ...(query.trim() && { query: query.trim() }),
            limit: 200,
          });
          // A shop switch while the call was in flight: drop the stale answer.
          if (get().shopId === shopId) set({ rows: page.items, total: page.total, error: null });
        } catch (err) {
          fail(err);
        } finally {
          set({ loading: false });
        }
      },
      async select(orderId) {
        const { shopId } = get();
        if (orderId === null || shopId === null) return set({ selected: null });
        try {
          set({ selected: await client.send('orders/get', { shopId, orderId }) });
        } catch (err) {
          fail(err);
        }
      },
      async setStatus(orderId, status, options = {}) {
        const { shopId } = get();
        if (shopId === null) return false;
        try {
          const { order } = await client.send('orders/set-status', {
            shopId,
            orderId,
            status,
            notifyCustomer: options.notifyCustomer ?? false,
            ...(options.cashCollected !== undefined && { cashCollected: options.cashCollected }),
          });
          get().applyOrder(order);
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },
      async exportCsv() {
        const { shopId, status } = get();
        if (shopId === null) return null;
        try {
          const out = await client.send('orders/export-csv', { shopId, ...(status && { status }) });
          return { filename: out.filename, csv: out.csv };
        } catch (err) {
          fail(err);
          return null;
        }
      },
      async showConversation(conversationId) {
        const { shopId } = get();
        set({ conversationId, conversationOrders: [] });
        if (conversationId === null || shopId === null) return;
        try {
          const page = await client.send('orders/list', { shopId, conversationId, limit: 20 });
          if (get().conversationId === conversationId) set({ conversationOrders: page.items });
        } catch (err) {
          fail(err);
        }
      },
      applyOrder(order) {
        if (order.shopId !== get().shopId) return;
        const summary = summaryOf(order);
        const { rows, status, selected, conversationId, conversationOrders, total } = get();
        const rowsNext = mergeOrder(rows, summary, { status });
        set({
          rows: rowsNext,
          total: total + (rowsNext.length - rows.length),
          selected: selected?.id === order.id ? order : selected,
          conversationOrders:
            order.conversationId === conversationId ? mergeOrder(conversationOrders, summary, { status: null }) : conversationOrders,
        });
      },
    };
  });
}
