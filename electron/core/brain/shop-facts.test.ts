import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/orders';
import { EventBus } from '../events';
import { type ShopFactsSources, makeShopFacts } from './shop-facts';

/** A store stand-in that counts its reads, so each test sees whether the cache read again. */
function fakeStore() {
  const state = { name: 'Boutique Amina', country: 'DZ', placed: 3, sold: 2 };
  const reads = { shop: 0, country: 0, placed: 0, sold: 0 };
  const since: string[] = [];
  const bus = new EventBus();
  let clock = 0;
  const sources: ShopFactsSources = {
    shops: {
      get: async () => {
        reads.shop++;
        return { name: state.name, currency: 'DZD' };
      },
    },
    countryOf: () => {
      reads.country++;
      return state.country;
    },
    orders: {
      countPlaced: async () => {
        reads.placed++;
        return state.placed;
      },
      unitsSoldSince: async (_shopId, _sku, sinceIso) => {
        reads.sold++;
        since.push(sinceIso);
        return state.sold;
      },
    },
    bus,
    monotonicNow: () => clock,
    salesMaxAgeMs: 60_000,
  };
  return { state, reads, since, bus, sources, advance: (ms: number) => (clock += ms) };
}

const shopEvent = (id: number, name: string) => ({ id, name, currency: 'DZD', country: null, createdAt: '2026-01-01T00:00:00.000Z' });
const orderEvent = (shopId: number) => ({ shopId }) as Order;

describe('store facts per shop', () => {
  it('reads the shop row once, and again after the shop changed', async () => {
    const s = fakeStore();
    const facts = makeShopFacts(s.sources);
    expect((await facts.shop(1))?.name).toBe('Boutique Amina');
    expect((await facts.shop(1))?.name).toBe('Boutique Amina');
    expect(s.reads.shop).toBe(1);
    s.state.name = 'Maison Lina';
    s.bus.emit('shops/changed', shopEvent(1, 'Maison Lina'));
    expect((await facts.shop(1))?.name).toBe('Maison Lina');
    expect(s.reads.shop).toBe(2);
  });

  it('keeps one shop apart from another', async () => {
    const s = fakeStore();
    const facts = makeShopFacts(s.sources);
    await facts.shop(1);
    await facts.shop(2);
    s.bus.emit('shops/changed', shopEvent(2, 'Other'));
    await facts.shop(1);
    expect(s.reads.shop).toBe(2);
  });

  it('derives the country once, and again after the settings, the shop or the catalog changed', () => {
    const s = fakeStore();
    const facts = makeShopFacts(s.sources);
    expect(facts.country(1, 'Africa/Algiers')).toBe('DZ');
    expect(facts.country(1, 'Africa/Algiers')).toBe('DZ');
    expect(s.reads.country).toBe(1);
    s.state.country = 'MA';
    s.bus.emit('settings/changed', { shopId: 1 });
    expect(facts.country(1, 'Africa/Algiers')).toBe('MA');
    s.state.country = 'TN';
    s.bus.emit('shops/changed', shopEvent(1, 'Boutique Amina'));
    expect(facts.country(1, 'Africa/Algiers')).toBe('TN');
    s.state.country = 'FR';
    s.bus.emit('catalog/changed', { shopId: 1 });
    expect(facts.country(1, 'Africa/Algiers')).toBe('FR');
    // Another time zone is another derivation, event or not.
    s.state.country = 'IT';
    expect(facts.country(1, 'Europe/Rome')).toBe('IT');
    expect(s.reads.country).toBe(5);
  });

  it('reads sales figures once, and again after an order was placed or changed', async () => {
    const s = fakeStore();
    const facts = makeShopFacts(s.sources);
    expect(await facts.countPlaced(1)).toBe(3);
    expect(await facts.countPlaced(1)).toBe(3);
    expect(s.reads.placed).toBe(1);
    s.state.placed = 4;
    s.bus.emit('orders/created', orderEvent(1));
    expect(await facts.countPlaced(1)).toBe(4);
    s.state.placed = 3;
    s.bus.emit('orders/updated', orderEvent(1));
    expect(await facts.countPlaced(1)).toBe(3);
    expect(s.reads.placed).toBe(3);
  });

  it('reads units sold per minute of the window, and again after an order or once they are old', async () => {
    const s = fakeStore();
    const facts = makeShopFacts(s.sources);
    expect(await facts.unitsSoldSince(1, 'SAC-1', '2026-03-01T10:04:37.120Z')).toBe(2);
    expect(await facts.unitsSoldSince(1, 'SAC-1', '2026-03-01T10:04:59.999Z')).toBe(2);
    expect(s.reads.sold).toBe(1);
    expect(s.since).toEqual(['2026-03-01T10:04:00.000Z']);
    s.state.sold = 5;
    s.bus.emit('orders/created', orderEvent(1));
    expect(await facts.unitsSoldSince(1, 'SAC-1', '2026-03-01T10:04:40.000Z')).toBe(5);
    s.state.sold = 6;
    s.advance(61_000);
    expect(await facts.unitsSoldSince(1, 'SAC-1', '2026-03-01T10:04:40.000Z')).toBe(6);
    expect(s.reads.sold).toBe(3);
  });

  it('does not keep a failed read', async () => {
    const s = fakeStore();
    let fail = true;
    const facts = makeShopFacts({
      ...s.sources,
      shops: { get: async () => (fail ? Promise.reject(new Error('disk')) : { name: 'Back', currency: 'DZD' }) },
    });
    await expect(facts.shop(1)).rejects.toThrow('disk');
    fail = false;
    expect((await facts.shop(1))?.name).toBe('Back');
  });
});
