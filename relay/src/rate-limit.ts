// Token buckets: `rate` tokens a second, up to `burst`. Keys are device ids, IPs or group ids; idle buckets are
// forgotten so the map cannot grow without bound.
export interface RateLimiter {
  take(key: string, cost?: number): boolean;
}

export function makeRateLimiter(rate: number, burst: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastPrune = now();
  return {
    take(key, cost = 1) {
      const t = now();
      if (t - lastPrune > 60_000) {
        for (const [k, b] of buckets) if (b.tokens + ((t - b.at) / 1000) * rate >= burst) buckets.delete(k);
        lastPrune = t;
      }
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens < cost) return false;
      b.tokens -= cost;
      return true;
    },
  };
}

/** A daily quota per key (messages and bytes), reset at each UTC day. Counted per instance. */
export interface DailyQuota {
  take(key: string, bytes: number): boolean;
}

export function makeDailyQuota(maxMessages: number, maxBytes: number, now: () => number = Date.now): DailyQuota {
  let day = Math.floor(now() / 86_400_000);
  let used = new Map<string, { n: number; b: number }>();
  return {
    take(key, bytes) {
      const today = Math.floor(now() / 86_400_000);
      if (today !== day) {
        day = today;
        used = new Map();
      }
      const u = used.get(key) ?? { n: 0, b: 0 };
      if (u.n + 1 > maxMessages || u.b + bytes > maxBytes) return false;
      u.n++;
      u.b += bytes;
      used.set(key, u);
      return true;
    },
  };
}
