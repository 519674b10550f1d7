import { describe, expect, it } from 'vitest';
import { AccountSendLimiter, burstDueAt, defaultPacing, defaultRateLimits, noPacing, retryDelayMs, typingDuration } from './policies';

describe('AccountSendLimiter', () => {
  const policy = { ...defaultRateLimits, minGapMs: 1000, jitterMs: 1000 };

  it('spaces sends by the minimum gap plus jitter', () => {
    const limiter = new AccountSendLimiter(policy, () => 0.5);
    expect(limiter.earliest(1, 0)).toBe(0);
    limiter.record(1, 0);
    expect(limiter.earliest(1, 0)).toBe(1500);
    expect(limiter.earliest(2, 0)).toBe(0); // other accounts are independent
  });

  it('allows at most 8 sends a minute and 200 an hour', () => {
    const limiter = new AccountSendLimiter({ ...policy, minGapMs: 0, jitterMs: 0 });
    for (let i = 0; i < 8; i++) limiter.record(1, i * 1000);
    expect(limiter.earliest(1, 8000)).toBe(60_000);
    const hourly = new AccountSendLimiter({ ...policy, minGapMs: 0, jitterMs: 0, perAccountPerMinute: 1000 });
    for (let i = 0; i < 200; i++) hourly.record(1, i * 10_000);
    expect(hourly.earliest(1, 2_000_000)).toBe(3_600_000);
  });

  it('slows a newly linked number down by its ramp factor', () => {
    const limiter = new AccountSendLimiter(
      { ...policy, minGapMs: 1000, jitterMs: 0 },
      () => 0,
      (id) => (id === 7 ? 0.5 : 1),
    );
    limiter.record(7, 0);
    limiter.record(8, 0);
    expect(limiter.earliest(7, 0)).toBe(2000);
    expect(limiter.earliest(8, 0)).toBe(1000);
    const capped = new AccountSendLimiter(
      { ...policy, minGapMs: 0, jitterMs: 0 },
      () => 0,
      () => 0.5,
    );
    for (let i = 0; i < 4; i++) capped.record(1, i * 1000);
    expect(capped.earliest(1, 4000)).toBe(60_000); // 4 a minute instead of 8
  });

  it('does nothing when disabled', () => {
    const limiter = new AccountSendLimiter({ ...policy, enabled: false });
    for (let i = 0; i < 100; i++) limiter.record(1, 0);
    expect(limiter.earliest(1, 5)).toBe(5);
  });
});

describe('pacing', () => {
  it('types for a time proportional to the reply, within bounds', () => {
    expect(typingDuration(defaultPacing, 'ok')).toBe(defaultPacing.minTypingMs);
    expect(typingDuration(defaultPacing, 'x'.repeat(40))).toBe(40 * defaultPacing.msPerChar);
    expect(typingDuration(defaultPacing, 'x'.repeat(10_000))).toBe(defaultPacing.maxTypingMs);
    expect(typingDuration(noPacing, 'x'.repeat(40))).toBe(0);
  });

  it('backs off exponentially with a cap', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(300_000);
  });
});

describe('burstDueAt (debounce)', () => {
  const policy = { ...defaultPacing, debounceMs: 2_000, debounceCapMs: 10_000 };

  it('waits the quiet time after a single message', () => {
    expect(burstDueAt(policy, [1_000])).toBe(3_000);
  });

  it('waits longer for a customer who types in slow pieces, but not past the cap', () => {
    // Gaps of 2.5 s: the customer is still writing if quiet for only 2 s.
    expect(burstDueAt(policy, [0, 2_500, 5_000])).toBe(5_000 + 3_750);
    expect(burstDueAt(policy, [0, 3_000, 6_000, 9_000])).toBe(10_000);
  });

  it('answers at once when pacing is off, and has nothing to answer without messages', () => {
    expect(burstDueAt(noPacing, [5, 7])).toBe(7);
    expect(burstDueAt(policy, [])).toBeNull();
  });
});

describe('AccountSendLimiter with a per-account policy', () => {
  it('applies each account its own budget', () => {
    const strict = { ...defaultRateLimits, perAccountPerMinute: 2, minGapMs: 0, jitterMs: 0 };
    const loose = { ...strict, perAccountPerMinute: 100 };
    const limiter = new AccountSendLimiter((id) => (id === 1 ? strict : loose));
    for (let i = 0; i < 3; i++) {
      limiter.record(1, i);
      limiter.record(2, i);
    }
    expect(limiter.earliest(1, 10)).toBe(60_001);
    expect(limiter.earliest(2, 10)).toBe(10);
  });
});
