/** The most requests a probe sends at once (a local server answering more is treated as this many). */
const PROBE_MAX = 8;

/**
 * How many requests an endpoint answers at once, measured: one warm request gives the baseline,
 * then 2, 4, 8 at once. A server that works on k requests together finishes them in about one
 * request's time; one that queues them takes about k times as long, so the first wave slower than
 * `slack` × the baseline ends the probe. Used on local servers only (Ollama, LM Studio): a hosted
 * API is billed per request and known to take many.
 */
export async function measureConcurrency(request: () => Promise<unknown>, opts: { max?: number; slack?: number } = {}): Promise<number> {
  const max = opts.max ?? PROBE_MAX;
  const slack = opts.slack ?? 1.5;
  const timed = async (k: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: k }, () => request()));
    return performance.now() - started;
  };
  const baseline = await timed(1);
  let served = 1;
  for (let k = 2; k <= max; k *= 2) {
    if ((await timed(k)) > baseline * slack) break;
    served = k;
  }
  return served;
}
