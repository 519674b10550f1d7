import { describe, expect, it } from 'vitest';
import { EventBus } from '../events';
import { openDatabase } from '../store/open-database';
import { notifySellerOfOrders, orderNotice } from './notify-seller';
import { makeOrderPlacer } from './place-order';

describe('orders reach the seller', () => {
  it('a placed order raises orders/created once, and the notifier says who, how much, where and what', async () => {
    const store = await openDatabase({ file: ':memory:' });
    try {
      store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Pâtisserie Lucia', 'EUR', 'now')`).run();
      const bus = new EventBus();
      const notices: string[] = [];
      notifySellerOfOrders({ bus, notifier: { notify: (title, body) => notices.push(`${title} | ${body}`) } });
      const place = makeOrderPlacer({ db: store.db, bus, decrementStock: async () => {} });
      const order = {
        shopId: 1,
        conversationId: null,
        contactId: null,
        customerName: 'Giulia Rossi',
        phone: '+393471234567',
        wilaya: 'Bologna',
        commune: '',
        address: 'Via Zamboni 3',
        currency: 'EUR',
        deliveryFee: 4,
        language: 'it' as const,
        items: [{ sku: 'IT-CN-01', name: 'Cannoli siciliani', variant: 'pistacchio', quantity: 6, unitPrice: 2.5 }],
        createdFromMessageId: 77,
        now: '2026-03-01T10:00:00Z',
      };
      const first = await place(order);
      // The same confirming message again (a re-run after a crash): no second order, no second notice.
      await place(order);
      expect(notices).toEqual([
        `Souqbot: new order #${first.order.id} | Giulia Rossi, 19 EUR (Bologna) — Cannoli siciliani (pistacchio) ×6`,
      ]);
    } finally {
      await store.close();
    }
  });

  it('names the customer generically when no name was given', () => {
    const notice = orderNotice({
      id: 3,
      shopId: 1,
      conversationId: 1,
      contactId: 1,
      status: 'new',
      customerName: '',
      phone: '',
      wilaya: '',
      commune: '',
      address: '',
      currency: 'TND',
      itemsTotal: 89,
      deliveryFee: 0,
      total: 89,
      cashCollected: null,
      language: 'fr',
      items: [{ sku: 'TN-CB-1', name: 'Câble USB-C 2 m', variant: null, quantity: 1, unitPrice: 89 }],
      createdAt: 'now',
      updatedAt: 'now',
    });
    expect(notice.body).toBe('A customer, 89 TND — Câble USB-C 2 m');
  });
});
