import { createStore } from 'zustand/vanilla';
import type { Order } from '../../../../shared/domain/orders';

export interface NewOrdersState {
  /** Orders confirmed since the seller last opened the Orders page (the nav badge). */
  unseen: number;
  /** The latest one, shown as a toast until dismissed or seen. */
  latest: Order | null;
}

export interface NewOrdersActions {
  /** A pushed `orders/created` of the open shop (called only from stores/wire-events.ts). */
  arrived(order: Order): void;
  /** The seller opened the Orders page. */
  seen(): void;
  dismiss(): void;
  /** Another shop was opened. */
  reset(): void;
}

export type NewOrdersStore = ReturnType<typeof createNewOrdersStore>;

/** View state for "a customer just ordered": counted once per order id. */
export function createNewOrdersStore() {
  const counted = new Set<number>();
  return createStore<NewOrdersState & NewOrdersActions>()((set, get) => ({
    unseen: 0,
    latest: null,
    arrived(order) {
      if (counted.has(order.id)) return;
      counted.add(order.id);
      set({ unseen: get().unseen + 1, latest: order });
    },
    seen: () => set({ unseen: 0, latest: null }),
    dismiss: () => set({ latest: null }),
    reset() {
      counted.clear();
      set({ unseen: 0, latest: null });
    },
  }));
}
