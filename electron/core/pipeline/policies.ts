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
  /** Customer messages closer than this are answered once, as a whole. */
  debounceMs: number;
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
};

/** For tests, the crash test and benchmarks: nothing waits. */
export const noRateLimits: RateLimitPolicy = { ...defaultRateLimits, enabled: false };
export const noPacing: PacingPolicy = { ...defaultPacing, enabled: false, debounceMs: 0 };

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

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly random: () => number = Math.random,
    /** Per-account slow-down in (0, 1]: a newly linked number sends more gently for its first days. */
    private readonly rateFactor: (accountId: number) => number = () => 1,
  ) {}

  private factor(accountId: number): number {
    const f = this.rateFactor(accountId);
    return f > 0 && f <= 1 ? f : 1;
  }

  /** Earliest time (ms epoch) the account may send; `now` if it may send at once. */
  earliest(accountId: number, now: number): number {
    if (!this.policy.enabled) return now;
    const times = this.prune(accountId, now);
    let at = Math.max(now, this.nextFree.get(accountId) ?? 0);
    const f = this.factor(accountId);
    const perMinute = Math.max(1, Math.floor(this.policy.perAccountPerMinute * f));
    const perHour = Math.max(1, Math.floor(this.policy.perAccountPerHour * f));
    const lastMinute = times.filter((t) => t > now - 60_000);
    if (lastMinute.length >= perMinute) at = Math.max(at, (lastMinute[lastMinute.length - perMinute] ?? now) + 60_000);
    if (times.length >= perHour) at = Math.max(at, (times[times.length - perHour] ?? now) + 3_600_000);
    return at;
  }

  record(accountId: number, now: number): void {
    if (!this.policy.enabled) return;
    const times = this.prune(accountId, now);
    times.push(now);
    const gap = (this.policy.minGapMs + this.random() * this.policy.jitterMs) / this.factor(accountId);
    this.nextFree.set(accountId, now + Math.round(gap));
  }

  private prune(accountId: number, now: number): number[] {
    const times = (this.sent.get(accountId) ?? []).filter((t) => t > now - 3_600_000);
    this.sent.set(accountId, times);
    return times;
  }
}

/** Exponential backoff for transient send failures: 2 s, 4 s, 8 s … capped at 5 min. */
export function retryDelayMs(attempt: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}
export const MAX_SEND_ATTEMPTS = 8;
