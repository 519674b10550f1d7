import type { HandlerMap } from '../../app';
import type { CoreContext } from '../../context';
import { requireShop } from '../../shops';
import type { ViolationsRepo } from './violations-repo';

/** The guardrails' record: replies they stopped or rewrote, for the Sales settings page (core's one violations repository). */
export function guardrailsHandlers(ctx: CoreContext, { violations }: { violations: ViolationsRepo }): HandlerMap {
  return {
    'guardrails/list-violations': async ({ shopId, limit }) => {
      await requireShop(ctx, shopId);
      return violations.recent(shopId, limit);
    },
  };
}
