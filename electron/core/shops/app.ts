import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';

/** The catalog's products repository as a shop sees it (the catalog owns products; the shop asks it to relabel). */
interface ShopCatalog {
  /** Moves the shop's products priced in `from` to `to`; the count relabelled. */
  relabelCurrency(shopId: number, from: string, to: string): number;
}

export function shopsHandlers({ repos, clock, bus }: CoreContext, { products }: { products: ShopCatalog }): HandlerMap {
  return {
    'shops/list': () => repos.shops.list(),
    'shops/create': async ({ name, currency }) => {
      const shop = await repos.shops.create({ name, currency, now: clock.now().toISOString() });
      bus.emit('shops/changed', shop);
      return shop;
    },
    'shops/rename': async ({ shopId, name }) => {
      const shop = await repos.shops.rename(shopId, name);
      if (!shop) throw new ContractError('not_found', `No shop ${shopId}`);
      bus.emit('shops/changed', shop);
      return shop;
    },
    'shops/set-country': async ({ shopId, country }) => {
      const shop = await repos.shops.setCountry(shopId, country);
      if (!shop) throw new ContractError('not_found', `No shop ${shopId}`);
      bus.emit('shops/changed', shop);
      return shop;
    },
    'shops/set-currency': async ({ shopId, currency }) => {
      const before = await repos.shops.get(shopId);
      if (!before) throw new ContractError('not_found', `No shop ${shopId}`);
      const shop = await repos.shops.setCurrency(shopId, currency);
      if (!shop) throw new ContractError('not_found', `No shop ${shopId}`);
      // A catalog imported under a wrong default (a new shop starts in DZD) follows the shop.
      products.relabelCurrency(shopId, before.currency, currency);
      bus.emit('shops/changed', shop);
      bus.emit('catalog/changed', { shopId });
      return shop;
    },
  };
}
