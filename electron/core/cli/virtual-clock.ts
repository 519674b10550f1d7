import type { Clock } from '../ports';

/** A clock the simulation moves: customer line i happens at its own time, not the wall clock's. */
export function makeVirtualClock(start: number) {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return {
    clock,
    set(at: number) {
      // Time never goes backwards, even if input lines are out of order.
      now = Math.max(now, at);
    },
    get: () => now,
  };
}
