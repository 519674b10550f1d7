import type { PacingChoice } from '../../../shared/domain/settings';
import { type PacingPolicy, type RateLimitPolicy, defaultPacing, defaultRateLimits } from './policies';

/**
 * What the dispatcher and worker apply for one shop. A reply to a customer who wrote in the
 * last `replyFreshMinutes` uses the `reply` budget (the customer is waiting; WhatsApp sees a
 * conversation); everything else — follow-ups, broadcasts, first contact, a reply long after
 * the customer wrote — uses the strict `proactive` budget and the new-number ramp.
 */
export interface SendPolicy {
  reply: RateLimitPolicy;
  proactive: RateLimitPolicy;
  pacing: PacingPolicy;
  replyFreshMinutes: number;
}

/** The shipped values before replies had their own budget: every send as careful as a broadcast. */
const careful: SendPolicy = { reply: defaultRateLimits, proactive: defaultRateLimits, pacing: defaultPacing, replyFreshMinutes: 15 };

/**
 * The seller's choice in Settings. Proactive messages keep the careful budget in every choice:
 * unsolicited messages are what gets numbers banned. `normal` answers a rush of 200 first
 * replies within about two minutes with per-chat typing; `fast` trims typing and gaps further.
 */
export const PACING_PRESETS: Record<PacingChoice, SendPolicy> = {
  careful,
  normal: {
    reply: { ...defaultRateLimits, perAccountPerMinute: 150, perAccountPerHour: 1_500, minGapMs: 150, jitterMs: 250 },
    proactive: defaultRateLimits,
    pacing: { ...defaultPacing, msPerChar: 30, minTypingMs: 700, maxTypingMs: 3_500, debounceMs: 2_000, debounceCapMs: 10_000 },
    replyFreshMinutes: 15,
  },
  fast: {
    reply: { ...defaultRateLimits, perAccountPerMinute: 300, perAccountPerHour: 3_000, minGapMs: 50, jitterMs: 100 },
    proactive: defaultRateLimits,
    pacing: { ...defaultPacing, msPerChar: 15, minTypingMs: 400, maxTypingMs: 1_500, debounceMs: 1_200, debounceCapMs: 6_000 },
    replyFreshMinutes: 15,
  },
};

/** One policy for every shop (tests, the crash test, benchmarks and `simulate` pass their own limits). */
export function fixedSendPolicy(rateLimits: RateLimitPolicy, pacing: PacingPolicy): SendPolicy {
  return { reply: rateLimits, proactive: rateLimits, pacing, replyFreshMinutes: careful.replyFreshMinutes };
}

/** Which budget a send uses: a reply counts as one only while the customer's message is fresh. */
export function budgetFor(
  policy: SendPolicy,
  kind: 'reply' | 'proactive',
  lastInboundAt: string | null,
  now: number,
): 'reply' | 'proactive' {
  if (kind !== 'reply' || !lastInboundAt) return 'proactive';
  return now - Date.parse(lastInboundAt) <= policy.replyFreshMinutes * 60_000 ? 'reply' : 'proactive';
}
