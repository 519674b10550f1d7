import { ShopSettings } from '../../../shared/domain/settings';
import type { EventBus } from '../events';
import { PACING_PRESETS, type SendPolicy } from './pacing-presets';
import { type PolicyRowsConnection, makePolicyRowsRepo } from './policy-rows-repo';

/**
 * The settings the pipeline needs synchronously (the scheduler's `dueAt` and the channel's
 * events cannot await): each shop's document read once, dropped when it changes.
 */
export function makeShopPolicies(sqlite: PolicyRowsConnection, bus: EventBus, fixed: SendPolicy | null) {
  const rows = makePolicyRowsRepo(sqlite);
  const settings = new Map<number, ShopSettings>();
  const accountShops = new Map<number, number>();
  bus.on('settings/changed', ({ shopId }) => settings.delete(shopId));

  function settingsOf(shopId: number): ShopSettings {
    let hit = settings.get(shopId);
    if (!hit) {
      const doc = rows.settingsDoc(shopId);
      const parsed = ShopSettings.safeParse(doc !== undefined ? JSON.parse(doc) : {});
      hit = parsed.success ? parsed.data : ShopSettings.parse({});
      settings.set(shopId, hit);
    }
    return hit;
  }

  const policyOf = (shopId: number): SendPolicy => fixed ?? PACING_PRESETS[settingsOf(shopId).bot.pacing];

  return {
    settingsOf,
    policyOf,
    /** An account's shop never changes, so it is cached for good. */
    policyOfAccount(accountId: number): SendPolicy {
      let shopId = accountShops.get(accountId);
      if (shopId === undefined) {
        shopId = rows.shopOfAccount(accountId) ?? 0;
        accountShops.set(accountId, shopId);
      }
      return policyOf(shopId);
    },
  };
}
export type ShopPolicies = ReturnType<typeof makeShopPolicies>;
