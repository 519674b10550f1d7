import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import type { FollowUpSource } from './follow-ups';
import { makeRollupRepo } from './rollup-repo';
import { PeriodError, type ShopPeriod, makeAnalytics } from './service';

/** What analytics needs of core's job scheduler (learning/scheduler): a batch job that runs again while it reports more. */
export interface JobRunner {
  register(kind: string, handler: () => Promise<{ more?: boolean } | void> | { more?: boolean } | void): void;
  every(kind: string, key: string, everyMs: number): void;
}

export const ROLLUP_BACKFILL_JOB = 'analytics/rollup-backfill';
/** Days built per run: a slice keeps core's thread free for messages (about a tenth of a second per week of a busy shop). */
const BACKFILL_SLICE_DAYS = 7;

/** Handlers of shared/contract/analytics.ts; with a scheduler, the rollups' back-fill job too. */
export function analyticsHandlers(ctx: CoreContext, deps: { followUps?: FollowUpSource; scheduler?: JobRunner } = {}): HandlerMap {
  const rollups = makeRollupRepo(ctx.store.sqlite);
  const analytics = makeAnalytics({
    read: ctx.store.read,
    rollups,
    now: () => ctx.clock.now(),
    followUps: deps.followUps,
  });
  if (deps.scheduler) registerBackfill(ctx, deps.scheduler, rollups.shopIds, analytics.backfill!);

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
    'analytics/get-overview': async ({ shopId, from, to, compare, typingSeconds }) => {
      const period = await shopPeriod(shopId, from, to);
      return guard(() => analytics.overview({ ...period, compare, typingSeconds }));
    },
    'analytics/export': async ({ shopId, kind, from, to }) => {
      const period = await shopPeriod(shopId, from, to);
      return guard(() => analytics.export(kind, period));
    },
  };
}

/**
 * Builds the daily rollups of a store that had messages before them (or after a time-zone change),
 * newest days first, a slice per run, until none is missing; then checks again every hour. A period
 * the seller opens before it is done is built on the spot (rollups.ts), so old data always shows.
 */
function registerBackfill(
  ctx: CoreContext,
  scheduler: JobRunner,
  shopIds: () => number[],
  backfill: NonNullable<ReturnType<typeof makeAnalytics>['backfill']>,
) {
  scheduler.register(ROLLUP_BACKFILL_JOB, async () => {
    for (const shopId of shopIds()) {
      const { timeZone } = (await ctx.repos.settings.get(shopId)).facts;
      const { built, remaining } = backfill(shopId, timeZone, BACKFILL_SLICE_DAYS);
      if (built > 0) ctx.logger.info({ shopId, built, remaining }, 'analytics: daily rollups back-filled');
      if (remaining > 0) return { more: true };
    }
    return { more: false };
  });
  scheduler.every(ROLLUP_BACKFILL_JOB, ROLLUP_BACKFILL_JOB, 3_600_000);
}
