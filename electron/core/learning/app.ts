import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import type { Learning } from './create-learning';

const DAY = 86_400_000;

/** Handlers of shared/contract/learning.ts: the Learning page and the jobs shown in Settings. */
export function learningHandlers(ctx: CoreContext, learning: Learning): HandlerMap {
  return {
    'learning/get-overview': async ({ shopId, status }) => {
      await requireShop(ctx, shopId);
      const now = ctx.clock.now();
      const settings = await ctx.repos.settings.get(shopId);
      return {
        week: learning.learned.week(shopId, now),
        entries: learning.learned.list(shopId, status),
        strategies: learning.bandit.stats(shopId),
        algorithm: settings.sales.strategyAlgorithm,
        followUps: learning.followUps.stats(shopId, new Date(now.getTime() - 30 * DAY).toISOString()),
        running: learning.analysis.isRunning(shopId),
      };
    },
    'learning/learn-now': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return learning.analysis.learnNow(shopId);
    },
    'profiles/get': async ({ shopId, contactId }) => {
      await requireShop(ctx, shopId);
      return learning.profiles.profile(shopId, contactId);
    },
    'profiles/update': async ({ shopId, contactId, patch }) => {
      await requireShop(ctx, shopId);
      const updated = learning.profiles.edit(shopId, contactId, patch, ctx.clock.now().toISOString());
      if (!updated) throw new ContractError('not_found', `No customer ${contactId} in this shop`);
      return updated;
    },
    'learning/list-opt-outs': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return learning.optOuts.list(shopId);
    },
    'learning/opt-in': async ({ shopId, contactId }) => {
      await requireShop(ctx, shopId);
      const optedIn = learning.optOuts.optIn(shopId, contactId, ctx.clock.now().toISOString());
      if (optedIn) ctx.logger.info({ shopId, contactId }, 'customer opted back in by the seller');
      return { optedIn };
    },
    'jobs/list-failures': () =>
      learning.scheduler.failures().map((f) => ({
        id: f.id,
        kind: f.kind,
        key: f.key,
        state: f.state,
        attempts: f.attempts,
        lastError: f.lastError,
        lastRunAt: f.lastRunAt,
        nextRunAt: f.runAt.toISOString(),
      })),
    'jobs/retry': ({ id }) => ({ retried: learning.scheduler.retry(id) }),
  };
}
