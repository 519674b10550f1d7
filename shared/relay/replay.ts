// The receiver's memory of which counters it accepted from one sender. Counters are sparse (nextCounter follows the
// clock), so the window is a count of the most recent accepted counters, not a range: a counter is accepted if it is
// new and above the oldest one kept once the window is full. Delivery through the relay is nearly in order (mailbox
// drain, then live), so 256 is generous; anything older than the window is refused rather than risked.
export interface ReplayWindowState {
  /** accepted counters, ascending, at most `size` */
  recent: number[];
  size: number;
}

export interface ReplayWindow {
  /** True and remembered if `counter` was never accepted and is not older than the window; false otherwise. */
  accept(counter: number): boolean;
  /** Would `accept` take it (without remembering)? */
  wouldAccept(counter: number): boolean;
  /** Serialisable state, to persist beside the sender's keys. */
  state(): ReplayWindowState;
}

export function createReplayWindow(saved?: ReplayWindowState, size = 256): ReplayWindow {
  const limit = saved?.size ?? size;
  const recent = [...(saved?.recent ?? [])].sort((a, b) => a - b).slice(-limit);
  const seen = new Set(recent);
  const wouldAccept = (counter: number): boolean =>
    Number.isSafeInteger(counter) && !seen.has(counter) && (recent.length < limit || counter > recent[0]!);
  return {
    wouldAccept,
    accept(counter) {
      if (!wouldAccept(counter)) return false;
      // Insert keeping order (nearly always at the end).
      let i = recent.length;
      while (i > 0 && recent[i - 1]! > counter) i--;
      recent.splice(i, 0, counter);
      seen.add(counter);
      if (recent.length > limit) seen.delete(recent.shift()!);
      return true;
    },
    state: () => ({ recent: [...recent], size: limit }),
  };
}
