export type Tick = () => Promise<void>;

export const nextTurn: Tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How long one piece of a long job may hold the event loop before it yields. */
export const SLICE_MS = 12;

/**
 * Cuts a long synchronous job into slices of about `sliceMs`: `due()` says when the current
 * slice is used up, `pause()` yields to the event loop and starts the next slice. Time-based, so
 * a loaded 2-core machine gets smaller chunks rather than longer freezes.
 */
export function makeTimeSlicer(tick: Tick = nextTurn, sliceMs = SLICE_MS) {
  let started = performance.now();
  return {
    due: (): boolean => performance.now() - started >= sliceMs,
    async pause(): Promise<void> {
      await tick();
      started = performance.now();
    },
    async maybePause(): Promise<void> {
      if (performance.now() - started >= sliceMs) await this.pause();
    },
  };
}
