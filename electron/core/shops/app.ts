import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';

export function shopsHandlers({ repos, clock, bus }: CoreContext): HandlerMap {
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
  };
}
