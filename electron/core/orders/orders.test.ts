import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Order } from '../../../shared/domain/orders';
import { type Core, createCore } from '../create-core';
import { ordersToCourierCsv, csvCell } from './courier-csv';
import { makeOrderPlacer } from './place-order';
import { type NewOrder, makeOrdersRepo } from './repo';

let core: Core | undefined;
let dir: string | undefined;
afterEach(async () => {
  await core?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  core = undefined;
  dir = undefined;
});

async function setup() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'souq-orders-'));
  core = await createCore({ dataDir: dir, paused: true, clock: { now: () => new Date('2026-03-01T12:00:00Z') } });
  const shop = await core.app.dispatch('shops/create', { name: 'Boutique', currency: 'DZD' });
  if (!shop.ok) throw new Error('shop');
  const shopId = (shop.value as { id: number }).id;
  const events: string[] = [];
  core.bus.subscribe((e) => events.push(e.name));
  const taken: string[] = [];
  const place = makeOrderPlacer({
    db: core.ctx.store.db,
    bus: core.bus,
    decrementStock: async (_t, _s, lines) => void taken.push(...lines.map((l) => `${l.sku}×${l.quantity}`)),
  });
  return { core, shopId, events, taken, place };
}

const newOrder = (shopId: number, over: Partial<NewOrder> = {}): NewOrder => ({
  shopId,
  conversationId: null,
  contactId: null,
  customerName: 'Amine Benali',
  phone: '0555123456',
  wilaya: 'Oran',
  commune: 'Es Senia',
  address: 'Cité 20 août, bloc 5',
  currency: 'DZD',
  deliveryFee: 600,
  language: 'dz-latn',
  items: [
    { sku: 'DZ-BG-001', name: 'Sac à main cuir noir', variant: null, quantity: 1, unitPrice: 4500 },
    { sku: 'DZ-AC-002', name: 'Foulard en soie', variant: 'beige', quantity: 2, unitPrice: 1500 },
  ],
  createdFromMessageId: 7,
  now: '2026-03-01T12:00:00.000Z',
  ...over,
});

describe('orders', () => {
  it('places an order once per confirming message, with totals, stock and the seller event', async () => {
    const { core, shopId, events, taken, place } = await setup();
    const first = await place(newOrder(shopId));
    expect(first.created).toBe(true);
    expect(Order.parse(first.order)).toMatchObject({ itemsTotal: 7500, deliveryFee: 600, total: 8100, status: 'new' });
    const again = await place(newOrder(shopId));
    expect(again).toMatchObject({ created: false, order: { id: first.order.id } });
    expect(taken).toEqual(['DZ-BG-001×1', 'DZ-AC-002×2']);
    expect(events.filter((e) => e === 'orders/created')).toHaveLength(1);
    const repo = makeOrdersRepo(core.ctx.store.db);
    expect(await repo.countPlaced(shopId)).toBe(1);
    expect(await repo.unitsSoldSince(shopId, 'DZ-AC-002', '2026-02-22T00:00:00Z')).toBe(2);
    expect(await repo.unitsSoldSince(shopId, 'DZ-AC-002', '2026-03-02T00:00:00Z')).toBe(0);
  });

  it('rolls the order back when taking stock fails', async () => {
    const { core, shopId } = await setup();
    const place = makeOrderPlacer({
      db: core.ctx.store.db,
      decrementStock: async () => {
        throw new Error('catalog locked');
      },
    });
    await expect(place(newOrder(shopId))).rejects.toThrow('catalog locked');
    expect((await makeOrdersRepo(core.ctx.store.db).list({ shopId, offset: 0, limit: 5 })).total).toBe(0);
  });

  it('lists, gets, moves status (allowed transitions only) and exports a courier CSV through the contract', async () => {
    const { core, shopId, place } = await setup();
    const { order } = await place(newOrder(shopId));
    await place(
      newOrder(shopId, {
        createdFromMessageId: 8,
        customerName: 'Sarah',
        phone: '0661223344',
        wilaya: 'Sétif',
        deliveryFee: null,
        items: [{ sku: 'X', name: 'Montre, "acier"', variant: null, quantity: 1, unitPrice: 3500 }],
      }),
    );

    const list = await core.app.dispatch('orders/list', { shopId, query: 'amine' });
    expect(list).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ id: order.id, itemCount: 3, itemsLabel: 'Sac à main cuir noir, Foulard en soie (beige) ×2' }] },
    });
    expect(await core.app.dispatch('orders/get', { shopId, orderId: order.id })).toMatchObject({
      ok: true,
      value: { items: [{ sku: 'DZ-BG-001' }, { sku: 'DZ-AC-002' }] },
    });
    expect(await core.app.dispatch('orders/get', { shopId, orderId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const confirmed = await core.app.dispatch('orders/set-status', { shopId, orderId: order.id, status: 'confirmed' });
    expect(confirmed).toMatchObject({ ok: true, value: { order: { status: 'confirmed' }, customerNotified: false } });
    expect(await core.app.dispatch('orders/set-status', { shopId, orderId: order.id, status: 'new' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const delivered = await core.app.dispatch('orders/set-status', { shopId, orderId: order.id, status: 'shipped', cashCollected: 2000 });
    expect(delivered).toMatchObject({ ok: true, value: { order: { status: 'shipped', cashCollected: 2000 } } });

    const csv = await core.app.dispatch('orders/export-csv', { shopId });
    expect(csv.ok).toBe(true);
    const { csv: text, rows, filename } = (csv as { value: { csv: string; rows: number; filename: string } }).value;
    expect(rows).toBe(2);
    expect(filename).toBe('orders-2026-03-01.csv');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('name,phone,wilaya,commune,address,products,amount_to_collect,order_id');
    expect(lines).toContain(
      `Amine Benali,0555123456,Oran,Es Senia,"Cité 20 août, bloc 5",1 x Sac à main cuir noir + 2 x Foulard en soie (beige),6100,${order.id}`,
    );
    expect(text).toContain('"1 x Montre, ""acier"""');
  });

  it('quotes CSV cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe('-5');
    expect(ordersToCourierCsv([])).toBe('name,phone,wilaya,commune,address,products,amount_to_collect,order_id\r\n');
  });
});
