import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';

export function accountsHandlers(ctx: CoreContext): HandlerMap {
  return {
    'accounts/list': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return ctx.repos.accounts.list(shopId);
    },
  };
}
