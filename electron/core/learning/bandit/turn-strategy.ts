import type { Product } from '../../../../shared/domain/catalog';
import type { Strategy } from '../../../../shared/domain/learning';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { type BrainInput, detectLanguage } from '../../brain';
import { type Bandit, segmentOf } from './bandit';
import { backsScarcity } from '../../brain';

/**
 * The strategy for a brain turn: the conversation's own, or a new choice on its first turn, in
 * its segment (returning = has ordered before; the language of the message), with scarcity
 * allowed only when a product the message is about has low, limited stock.
 */
export interface TurnStrategyDeps {
  /** Chooses the conversation's sales strategy (once, then kept) and learns from outcomes. */
  bandit: Bandit;
  /** Core's one retriever: which products the message is about (does one back a scarcity line?). */
  retriever: { searchProductsSync(shopId: number, text: string, k?: number): Array<{ product: Product }> };
  /** A shop's settings: which strategy algorithm the seller chose. */
  settingsOf(shopId: number): Promise<ShopSettings>;
}

export function makeTurnStrategy(deps: TurnStrategyDeps) {
  const { retriever } = deps;
  return async (input: BrainInput): Promise<Strategy> => {
    const known = deps.bandit.chosen(input.conversationId);
    if (known) return known;
    const settings = await deps.settingsOf(input.shopId);
    const returning = deps.bandit.hasOrdered(input.shopId, input.contactId);
    const language = detectLanguage(input.text).language;
    const scarcityBacked = retriever.searchProductsSync(input.shopId, input.text, 3).some((hit) => backsScarcity(hit.product));
    return deps.bandit.choose({
      shopId: input.shopId,
      conversationId: input.conversationId,
      segment: segmentOf(returning, language),
      scarcityBacked,
      algorithm: settings.sales.strategyAlgorithm,
      now: input.now.toISOString(),
    });
  };
}
