/** A server on this computer or the LAN (whisper.cpp, faster-whisper): it transcribes one note at a time. */
const NEARBY =
  /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.local)(:\d+)?(\/|$)/i;

/** Voice notes sent to one endpoint at once: one for a nearby server, a few for a hosted API. */
export const transcriptionLimitFor = (baseUrl: string): number => (NEARBY.test(baseUrl.trim()) ? 1 : 8);

/**
 * Per-endpoint lanes: at most `limit` calls run for a key, the rest wait in order. Without it the
 * worker's 256 concurrent turns would post every waiting voice note to a local model at once,
 * and each would time out behind the others.
 */
export function makeEndpointLanes() {
  const lanes = new Map<string, { active: number; waiting: Array<() => void> }>();
  return async function run<T>(key: string, limit: number, fn: () => Promise<T>): Promise<T> {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { active: 0, waiting: [] };
      lanes.set(key, lane);
    }
    const own = lane;
    if (own.active >= limit) await new Promise<void>((resolve) => own.waiting.push(resolve));
    own.active += 1;
    try {
      return await fn();
    } finally {
      own.active -= 1;
      const next = own.waiting.shift();
      if (next) next();
      else if (own.active === 0) lanes.delete(key);
    }
  };
}
