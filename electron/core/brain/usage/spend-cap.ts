import type { LlmUsage } from '../../../../shared/domain/llm';
import type { UsageRepo } from './usage-repo';

/** The shop's calendar day in its own time zone: the cap resets at the seller's midnight, not UTC's. */
export function shopDay(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    // An unknown zone name in the settings must not stop the bot.
    return now.toISOString().slice(0, 10);
  }
}

export interface CapLimits {
  dailyTokenCap: number;
  perCustomerDailyMessageCap: number;
}

export type CapDecision = { allowed: true } | { allowed: false; reason: 'daily_token_cap' | 'customer_message_cap' };

/**
 * The seller's bill protection. Checked before each LLM call; a cap of 0 means "no LLM at all"
 * for tokens and "no per-customer limit" is not offered (0 blocks too), so a cap is always a cap.
 */
export function makeSpendCap(repo: UsageRepo) {
  return {
    check(shopId: number, contactId: number, day: string, limits: CapLimits): CapDecision {
      if (repo.shopDay(shopId, day).tokens >= limits.dailyTokenCap) return { allowed: false, reason: 'daily_token_cap' };
      if (repo.contactMessages(shopId, contactId, day) >= limits.perCustomerDailyMessageCap)
        return { allowed: false, reason: 'customer_message_cap' };
      return { allowed: true };
    },
    recordCall(shopId: number, day: string, tokens: number): void {
      repo.addTokens(shopId, day, tokens);
    },
    recordAnswered(shopId: number, contactId: number, day: string): void {
      repo.addContactMessage(shopId, contactId, day);
    },
    usage(shopId: number, day: string, dailyTokenCap: number): LlmUsage {
      const { tokens, requests } = repo.shopDay(shopId, day);
      return { day, tokens, requests, dailyTokenCap, capReached: tokens >= dailyTokenCap };
    },
  };
}
export type SpendCap = ReturnType<typeof makeSpendCap>;
