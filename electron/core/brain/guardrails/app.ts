import type { HandlerMap } from '../../app';
import type { CoreContext } from '../../context';
import { requireShop } from '../../shops';
import { makeViolationsRepo } from './violations-repo';

/** The guardrails' record: replies they stopped or rewrote, for the Sales settings page. */
export function guardrailsHandlers(ctx: CoreContext): HandlerMap {
  const violations = makeViolationsRepo(ctx.store.sqlite);
  return {
    'guardrails/list-violations': async ({ shopId, limit }) => {
      await requireShop(ctx, shopId);
      return violations.recent(shopId, limit);
    },
  };
}
