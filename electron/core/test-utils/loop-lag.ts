/**
 * Event-loop lag as a UI or the pipeline would feel it: a 10 ms timer records how late each tick
 * fires. `stop()` waits one more tick, so a block that ends with the work is measured too.
 */
export function startLagSampler(intervalMs = 10) {
  const lags: number[] = [];
  let expected = performance.now() + intervalMs;
  const timer = setInterval(() => {
    const now = performance.now();
    lags.push(Math.max(0, now - expected));
    expected = now + intervalMs;
  }, intervalMs);
  return {
    async stop(): Promise<{ p50: number; p99: number; max: number; samples: number }> {
      await new Promise((r) => setTimeout(r, intervalMs * 3));
      clearInterval(timer);
      const sorted = [...lags].sort((a, b) => a - b);
      const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
      return { p50: at(0.5), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0), samples: sorted.length };
    },
  };
}
