/**
 * Anti-ban policies shared by every channel: how fast the bot may send, and how it paces
 * itself like a person. Pure data + pure functions; the dispatcher and worker apply them.
 */
export interface RateLimitPolicy {
  enabled: boolean;
  perAccountPerMinute: number;
  perAccountPerHour: number;
  /** Minimum gap between two bot sends on one account, before jitter. */
  minGapMs: number;
  /** Random extra gap, 0..jitterMs. */
  jitterMs: number;
  /** A contact sending more than this many messages a minute is answered once, then flagged. */
  contactMessagesPerMinute: number;
  /** The bot only writes within this window after the customer's last message (never starts a chat). */
  replyWindowHours: number;
}

export interface PacingPolicy {
  enabled: boolean;
  /** Typing indicator length: msPerChar per character of the reply, within [minTypingMs, maxTypingMs]. */
  msPerChar: number;
  minTypingMs: number;
  maxTypingMs: number;
  /** Quiet time after a customer's message before answering; stretched to 1.5× the burst's own gaps. */
  debounceMs: number;
  /** A burst is answered at most this long after its first message, even if the customer keeps writing. */
  debounceCapMs: number;
}

export const defaultRateLimits: RateLimitPolicy = {
  enabled: true,
  perAccountPerMinute: 8,
  perAccountPerHour: 200,
  minGapMs: 1_500,
  jitterMs: 2_500,
  contactMessagesPerMinute: 10,
  replyWindowHours: 24,
};

export const defaultPacing: PacingPolicy = {
  enabled: true,
  msPerChar: 45,
  minTypingMs: 900,
  maxTypingMs: 6_000,
  debounceMs: 4_000,
  debounceCapMs: 12_000,
};

/** For tests, the crash test and benchmarks: nothing waits. */
export const noRateLimits: RateLimitPolicy = { ...defaultRateLimits, enabled: false };
export const noPacing: PacingPolicy = { ...defaultPacing, enabled: false, debounceMs: 0 };

/**
 * When a burst of customer messages (arrival times, oldest first) is due for an answer: once the
 * customer has been quiet for `debounceMs` or 1.5× the longest gap inside the burst (someone who
 * types in 3-second pieces gets 4.5 s), never later than `debounceCapMs` after the first one.
 */
export function burstDueAt(policy: PacingPolicy, arrivals: readonly number[]): number | null {
  const first = arrivals[0];
  const last = arrivals.at(-1);
  if (first === undefined || last === undefined) return null;
  if (!policy.enabled || policy.debounceMs <= 0) return last;
  let gap = 0;
  for (let i = 1; i < arrivals.length; i++) gap = Math.max(gap, arrivals[i]! - arrivals[i - 1]!);
  const quiet = Math.max(policy.debounceMs, Math.round(1.5 * gap));
  return Math.min(last + quiet, first + Math.max(policy.debounceCapMs, policy.debounceMs));
}

export function typingDuration(policy: PacingPolicy, text: string): number {
  if (!policy.enabled) return 0;
  return Math.min(policy.maxTypingMs, Math.max(policy.minTypingMs, Math.round(text.length * policy.msPerChar)));
}

/**
 * Sliding-window send limiter per account. Returns when the next send may happen; `record`
 * notes a send. In memory: after a restart the window starts empty, which errs on the side of
 * at most one extra burst of `perAccountPerMinute` messages.
 */
export class AccountSendLimiter {
  private readonly sent = new Map<number, number[]>();
  private readonly nextFree = new Map<number, number>();
  private readonly policyOf: (accountId: number) => RateLimitPolicy;

  constructor(
    /** One policy, or each account's (its shop's pacing choice). */
    policy: RateLimitPolicy | ((accountId: number) => RateLimitPolicy),
    private readonly random: () => number = Math.random,
    /** Per-account slow-down in (0, 1]: a newly linked number sends more gently for its first days. */
    private readonly rateFactor: (accountId: number) => number = () => 1,
  ) {
    this.policyOf = typeof policy === 'function' ? policy : () => policy;
  }

  private factor(accountId: number): number {
    const f = this.rateFactor(accountId);
    return f > 0 && f <= 1 ? f : 1;
  }

  /** Earliest time (ms epoch) the account may send; `now` if it may send at once. */
  earliest(accountId: number, now: number): number {
    const policy = this.policyOf(accountId);
    if (!policy.enabled) return now;
    const times = this.prune(accountId, now);
    let at = Math.max(now, this.nextFree.get(accountId) ?? 0);
    const f = this.factor(accountId);
    const perMinute = Math.max(1, Math.floor(policy.perAccountPerMinute * f));
    const perHour = Math.max(1, Math.floor(policy.perAccountPerHour * f));
    const lastMinute = times.filter((t) => t > now - 60_000);
    if (lastMinute.length >= perMinute) at = Math.max(at, (lastMinute[lastMinute.length - perMinute] ?? now) + 60_000);
    if (times.length >= perHour) at = Math.max(at, (times[times.length - perHour] ?? now) + 3_600_000);
    return at;
  }

  record(accountId: number, now: number): void {
    const policy = this.policyOf(accountId);
    if (!policy.enabled) return;
    const times = this.prune(accountId, now);
    times.push(now);
    const gap = (policy.minGapMs + this.random() * policy.jitterMs) / this.factor(accountId);
    this.nextFree.set(accountId, Math.max(this.nextFree.get(accountId) ?? 0, now + Math.round(gap)));
  }

  private prune(accountId: number, now: number): number[] {
    const all = this.sent.get(accountId) ?? [];
    // Sorted by time: drop the expired head instead of copying the whole window every call.
    let drop = 0;
    while (drop < all.length && all[drop]! <= now - 3_600_000) drop++;
    const times = drop ? all.slice(drop) : all;
    this.sent.set(accountId, times);
    return times;
  }
}

/** Exponential backoff for transient send failures: 2 s, 4 s, 8 s … capped at 5 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}
export const MAX_SEND_ATTEMPTS = 8;
