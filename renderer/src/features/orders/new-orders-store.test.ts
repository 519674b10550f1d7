import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/orders';
import { createNewOrdersStore } from './new-orders-store';

const order = (id: number): Order => ({
  id,
  shopId: 1,
  conversationId: 5,
  contactId: 2,
  status: 'new',
  customerName: 'Hajar',
  phone: '0612345678',
  wilaya: 'Casablanca',
  commune: '',
  address: 'Maarif',
  currency: 'MAD',
  itemsTotal: 240,
  deliveryFee: 30,
  total: 270,
  cashCollected: null,
  language: 'fr',
  items: [{ sku: 'MA-SV-010', name: 'Savon beldi', variant: null, quantity: 2, unitPrice: 120 }],
  createdAt: '2026-01-01',
  updatedAt: '2026-01-01',
});

describe('new orders badge and toast', () => {
  it('counts each order once, shows the latest, clears when the page is opened or the shop changes', () => {
    const store = createNewOrdersStore();
    store.getState().arrived(order(1));
    store.getState().arrived(order(2));
    store.getState().arrived(order(2)); // the same event again (reconnect)
    expect(store.getState()).toMatchObject({ unseen: 2, latest: { id: 2 } });
    store.getState().dismiss();
    expect(store.getState()).toMatchObject({ unseen: 2, latest: null });
    store.getState().seen();
    expect(store.getState().unseen).toBe(0);
    store.getState().arrived(order(3));
    store.getState().reset();
    expect(store.getState()).toMatchObject({ unseen: 0, latest: null });
  });
});
