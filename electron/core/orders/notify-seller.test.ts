import { describe, expect, it } from 'vitest';
import { EventBus } from '../events';
import { openDatabase } from '../database';
import type { NotifierNotice } from '../../../shared/domain/notices';
import { wordNotifier } from '../../../shared/desktop/notifier-strings';
import { notifySellerOfOrders, orderNotice } from './notify-seller';
import { makeOrderPlacer } from './place-order';

describe('orders reach the seller', () => {
  it('a placed order raises orders/created once, and the notifier says who, how much, where and what', async () => {
    const store = await openDatabase({ file: ':memory:' });
    try {
      store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Pâtisserie Lucia', 'EUR', 'now')`).run();
      const bus = new EventBus();
      const notices: NotifierNotice[] = [];
      notifySellerOfOrders({ bus, notifier: { notify: (notice) => void notices.push(notice) } });
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
        {
          code: 'order_created',
          params: {
            id: first.order.id,
            customer: 'Giulia Rossi',
            total: 19,
            currency: 'EUR',
            place: 'Bologna',
            items: 'Cannoli siciliani (pistacchio) ×6',
          },
        },
      ]);
      // Worded by the shell in the seller's language (Italian here), money in the locale's format.
      const it = wordNotifier('it', notices[0]!);
      expect(it.title).toBe(`Nuovo ordine n. ${first.order.id} da \u2068Giulia Rossi\u2069`);
      expect(it.body).toBe('\u206819,00\u00a0€\u2069 (\u2068Bologna\u2069) — \u2068Cannoli siciliani (pistacchio) ×6\u2069');
    } finally {
      await store.close();
    }
  });

  it('names the customer generically when no name was given, in Arabic with Western digits', () => {
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
    expect(notice.params.customer).toBe('');
    const ar = wordNotifier('ar', notice);
    expect(ar.title).toBe('طلب جديد رقم 3 من زبون');
    expect(ar.body).toMatch(/^\u2068.*89.*\u2069 — \u2068Câble USB-C 2 m\u2069$/);
    expect(ar.body).not.toMatch(/[٠-٩]/);
  });
});
