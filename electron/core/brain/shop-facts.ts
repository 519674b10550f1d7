import type { ShopSettings } from '../../../shared/domain/settings';
import type { EventBus } from '../events';

/** A shop's settings read once, dropped on `settings/changed`: the brain asks for them several times a turn. */
export function cachedSettings(repo: { get(shopId: number): Promise<ShopSettings> }, bus: EventBus) {
  const cache = new Map<number, Promise<ShopSettings>>();
  bus.on('settings/changed', ({ shopId }) => cache.delete(shopId));
  return (shopId: number): Promise<ShopSettings> => {
    let hit = cache.get(shopId);
    if (!hit) {
      hit = repo.get(shopId);
      // A failed read is not kept: the next turn reads again.
      hit.catch(() => cache.get(shopId) === hit && cache.delete(shopId));
      cache.set(shopId, hit);
    }
    return hit;
  };
}

/** The shop row the brain reads: its name (introduction, guardrails) and currency (the LLM prompt). */
export interface ShopRow {
  name: string;
  currency: string;
}

export interface ShopFactsSources {
  shops: { get(shopId: number): Promise<ShopRow | undefined> };
  /** The shop's country (set, else derived from the catalog's currency and the time zone): shops/shop-country.ts. */
  countryOf(shopId: number, timeZone: string): string;
  orders: {
    countPlaced(shopId: number): Promise<number>;
    unitsSoldSince(shopId: number, sku: string, sinceIso: string): Promise<number>;
  };
  bus: EventBus;
  /** Real time for the safety expiry (tests move it). */
  monotonicNow?: () => number;
  /** Sales figures are read again after this long even without an order event (a writer that emits none). */
  salesMaxAgeMs?: number;
}

/** What the brain reads of a shop on every turn, read once per shop. */
export interface ShopFacts {
  shop(shopId: number): Promise<ShopRow | undefined>;
  country(shopId: number, timeZone: string): string;
  countPlaced(shopId: number): Promise<number>;
  /** Units of a SKU sold since a moment, read to the minute: a window a few seconds longer backs the same claims. */
  unitsSoldSince(shopId: number, sku: string, sinceIso: string): Promise<number>;
}

interface PerShop {
  shop?: Promise<ShopRow | undefined>;
  country?: { timeZone: string; value: string };
  salesAt: number;
  placed?: Promise<number>;
  sold: Map<string, Promise<number>>;
}

/** An ISO instant cut to its minute ("2026-03-01T10:04:37.120Z" → "2026-03-01T10:04:00.000Z"). */
const toMinute = (iso: string): string => {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Date(Math.floor(at / 60_000) * 60_000).toISOString();
};

/**
 * Store facts per shop, loaded on the first turn that needs them and dropped when they change:
 * the shop row on `shops/changed`, the country on `shops/changed`, `settings/changed` (time zone)
 * and `catalog/changed` (its currency), the sales figures on `orders/created` / `orders/updated`
 * (and after `salesMaxAgeMs`, for writers that emit nothing). Before, every reply read them again.
 */
export function makeShopFacts(sources: ShopFactsSources): ShopFacts {
  const now = sources.monotonicNow ?? (() => performance.now());
  const maxAge = sources.salesMaxAgeMs ?? 60_000;
  const shops = new Map<number, PerShop>();
  const of = (shopId: number): PerShop => {
    let s = shops.get(shopId);
    if (!s) shops.set(shopId, (s = { salesAt: now(), sold: new Map() }));
    return s;
  };
  const forgetSales = (shopId: number) => {
    const s = shops.get(shopId);
    if (!s) return;
    delete s.placed;
    s.sold.clear();
    s.salesAt = now();
  };
  const freshSales = (shopId: number): PerShop => {
    const s = of(shopId);
    if (now() - s.salesAt > maxAge) forgetSales(shopId);
    return s;
  };
  sources.bus.on('shops/changed', (shop) => {
    const s = shops.get(shop.id);
    if (!s) return;
    delete s.shop;
    delete s.country;
  });
  sources.bus.on('settings/changed', ({ shopId }) => void delete of(shopId).country);
  sources.bus.on('catalog/changed', ({ shopId }) => void delete of(shopId).country);
  sources.bus.on('orders/created', (order) => forgetSales(order.shopId));
  sources.bus.on('orders/updated', (order) => forgetSales(order.shopId));

  // A failed read is not kept: the next turn reads again.
  const kept = <T>(read: Promise<T>, drop: () => void): Promise<T> => {
    read.catch(drop);
    return read;
  };

  return {
    shop(shopId) {
      const s = of(shopId);
      return (s.shop ??= kept(sources.shops.get(shopId), () => delete s.shop));
    },
    country(shopId, timeZone) {
      const s = of(shopId);
      if (s.country?.timeZone !== timeZone) s.country = { timeZone, value: sources.countryOf(shopId, timeZone) };
      return s.country.value;
    },
    countPlaced(shopId) {
      const s = freshSales(shopId);
      return (s.placed ??= kept(sources.orders.countPlaced(shopId), () => delete s.placed));
    },
    unitsSoldSince(shopId, sku, sinceIso) {
      const s = freshSales(shopId);
      const since = toMinute(sinceIso);
      const key = `${sku}\u0000${since}`;
      let hit = s.sold.get(key);
      if (!hit) {
        hit = kept(sources.orders.unitsSoldSince(shopId, sku, since), () => s.sold.delete(key));
        // Windows move every minute: the old minutes' entries are never asked again.
        if (s.sold.size >= 2_000) s.sold.clear();
        s.sold.set(key, hit);
      }
      return hit;
    },
  };
}
