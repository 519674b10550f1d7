import type { HandlerMap } from '../../app';
import type { CoreContext } from '../../context';
import { requireShop } from '../../shops';
import type { LlmHealthTracker } from './llm-health';

/** `settings/get-llm-health`: the warning the app shows over every page while the AI model fails. */
export function llmHealthHandlers(ctx: CoreContext, health: LlmHealthTracker): HandlerMap {
  return {
    'settings/get-llm-health': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return health.get(shopId);
    },
  };
}
