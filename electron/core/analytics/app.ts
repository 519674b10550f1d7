import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops/require-shop';
import type { FollowUpSource } from './follow-ups';
import { makeReadHandle } from './read-handle';
import { makeRollupRepo } from './rollup-repo';
import { PeriodError, type ShopPeriod, makeAnalytics } from './service';

/** Handlers of shared/contract/analytics.ts. */
export function analyticsHandlers(ctx: CoreContext, deps: { followUps?: FollowUpSource } = {}): HandlerMap {
  const analytics = makeAnalytics({
    read: makeReadHandle(ctx.store.sqlite),
    rollups: makeRollupRepo(ctx.store.sqlite),
    now: () => ctx.clock.now(),
    ...deps,
  });

  async function shopPeriod(shopId: number, from: string, to: string): Promise<ShopPeriod> {
    const shop = await requireShop(ctx, shopId);
    const settings = await ctx.repos.settings.get(shopId);
    return { shopId, from, to, timeZone: settings.facts.timeZone, currency: shop.currency };
  }
  const guard = <T>(work: () => T): T => {
    try {
      return work();
    } catch (err) {
      if (err instanceof PeriodError) throw new ContractError('invalid_input', err.message);
      throw err;
    }
  };

  return {
    'analytics/overview': async ({ shopId, from, to, compare, typingSeconds }) => {
      const period = await shopPeriod(shopId, from, to);
      return guard(() => analytics.overview({ ...period, compare, typingSeconds }));
    },
    'analytics/export': async ({ shopId, kind, from, to }) => {
      const period = await shopPeriod(shopId, from, to);
      return guard(() => analytics.export(kind, period));
    },
  };
}
