import { afterEach, describe, expect, it } from 'vitest';
import { ShopSettings } from '../../../../shared/domain/settings';
import { makeProductsRepo } from '../../catalog/products-repo';
import { EventBus } from '../../events';
import { makeOrdersRepo } from '../../orders/repo';
import { type Store, openDatabase } from '../../database';
import { loadCatalog } from '../../../../tests/brain/harness';
import type { TurnMessage } from '../types';
import { makeCoreOfflineBrain } from './wire';
import { makeCoreServices } from '../../services';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** The offline brain over the real catalog tables, FTS retrieval and stock — what core runs. */
describe('makeCoreOfflineBrain', () => {
  it('finds products through retrieval, orders them and takes stock from the products table', async () => {
    store = await openDatabase({ file: ':memory:' });
    const now = '2026-03-01T10:00:00.000Z';
    store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique', 'DZD', ?)").run(now);
    store.sqlite
      .prepare("INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', ?)")
      .run(now);
    store.sqlite.prepare("INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (1, 1, '+213550000001', ?)").run(now);
    store.sqlite.prepare('INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 1, ?)').run(now);
    const products = makeProductsRepo(store.sqlite);
    for (const p of loadCatalog('catalog-dz-fashion.csv', 1)) {
      const { id: _id, shopId: _s, ...input } = p;
      products.upsertOne(1, input, now);
    }
    const settings = ShopSettings.parse({ facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2' }] } });
    const brain = makeCoreOfflineBrain({
      db: store.db,
      sqlite: store.sqlite,
      settingsOf: async () => settings,
      bus: new EventBus(),
      ...makeCoreServices(store),
    });
    let id = 0;
    // The conversation so far, as the pipeline passes it: "yes" answers a summary that is in it.
    const history: TurnMessage[] = [];
    const say = async (text: string) => {
      const d = await brain.decide({
        shopId: 1,
        conversationId: 1,
        contactId: 1,
        inboundMessageIds: [++id],
        text,
        history: [...history],
        now: new Date(now),
      });
      history.push({ direction: 'in', author: 'customer', text, at: now }, { direction: 'out', author: 'bot', text: d.reply, at: now });
      return d;
    };

    const price = await say('slm ch7al had sac noir?');
    expect(price.skus[0]).toBe('DZ-BG-001');
    expect(price.reply).toContain('4\u202f500 DA');
    await say('nheb ncommandi');
    await say('Amine Benali, 0555123456, wahran, hay el badr rue 3');
    const done = await say('wah');
    expect(done.orderAction).toBe('confirm');
    expect(products.getBySku(1, 'DZ-BG-001')?.stock).toBe(6);
    const [order] = (await makeOrdersRepo(store.db).list({ shopId: 1, offset: 0, limit: 5 })).items;
    expect(order).toMatchObject({ total: 5100, wilaya: 'Oran', phone: '0555123456' });
  });

  it("the shop's country (set by the seller, else derived) picks the phone plan and the Darija of the replies", async () => {
    store = await openDatabase({ file: ':memory:' });
    const now = '2026-03-01T10:00:00.000Z';
    store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Sfax Store', 'DZD', ?)").run(now);
    const products = makeProductsRepo(store.sqlite);
    for (const p of loadCatalog('catalog-dz-fashion.csv', 1)) {
      const { id: _id, shopId: _s, ...input } = p;
      products.upsertOne(1, input, now);
    }
    const brain = makeCoreOfflineBrain({
      db: store.db,
      sqlite: store.sqlite,
      settingsOf: async () => ShopSettings.parse({}),
      bus: new EventBus(),
      ...makeCoreServices(store),
    });
    let id = 0;
    const say = (conversationId: number, text: string) =>
      brain.decide({ shopId: 1, conversationId, contactId: 1, inboundMessageIds: [++id], text, history: [], now: new Date(now) });
    for (const c of [1, 2]) {
      store.sqlite.prepare('INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (?, 1, ?, ?)').run(c, `+2165000000${c}`, now);
      store.sqlite
        .prepare("INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (?, 1, 'simulator', 't', 'connected', ?)")
        .run(c, now);
      store.sqlite
        .prepare('INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (?, 1, ?, ?, ?)')
        .run(c, c, c, now);
    }
    // Derived from DZD: Algerian wording; a Tunisian mobile is a foreign number.
    const dz = await say(1, 'slm ch7al had sac noir?');
    expect(dz.reply).toMatch(/(?<!m)ta3 /);
    await say(1, 'nheb ncommandi, Sami 98 123 456');
    // The seller sets Tunisia: Tunisian wording, and the same number is a national one.
    store.sqlite.prepare("UPDATE shops SET country = 'TN' WHERE id = 1").run();
    const tn = await say(2, 'slm ch7al had sac noir?');
    expect(tn.reply).toMatch(/mta3/);
    expect(tn.reply).not.toMatch(/(?<!m)ta3 /);
    await say(2, 'nheb ncommandi, Sami 98 123 456');
    const states = store.sqlite.prepare('SELECT conversation_id AS c, doc FROM brain_state ORDER BY conversation_id').all() as {
      c: number;
      doc: string;
    }[];
    const phones = states.map((r) => (JSON.parse(r.doc) as { slots: { phone: string | null } }).slots.phone);
    expect(phones).toEqual(['+21698123456', '98123456']);
  });
});
