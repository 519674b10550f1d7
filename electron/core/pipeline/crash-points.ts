/**
 * Named moments of the lifecycle where the crash test kills the process (test-only hook; in
 * the app it is a no-op). Each step's durable state must make a restart converge.
 */
/** before-accept-commit: a batch of accepts is written, not committed, and none of it acknowledged. */
export type CrashPoint = 'before-accept-commit' | 'after-accept' | 'mid-decision' | 'after-outbox-write' | 'after-send';

export type CrashHook = (point: CrashPoint) => void;

export const noCrash: CrashHook = () => {};

/** Kills the process with SIGKILL at the Nth time `point` is reached (from SOUQ_CRASH_AT=point:N). */
export function crashHookFromEnv(spec: string | undefined): CrashHook {
  if (!spec) return noCrash;
  const [point, nth] = spec.split(':');
  let remaining = Number(nth ?? '1');
  return (reached) => {
    if (reached !== point) return;
    remaining -= 1;
    if (remaining <= 0) process.kill(process.pid, 'SIGKILL');
  };
}
