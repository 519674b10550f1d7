/**
 * Runs async jobs one at a time per key (a conversation) and concurrently across keys, up to a
 * limit. Producers `mark` a key when it may have work; `dueAt` says when its work is due (or
 * that it has none), so deferred work wakes the loop with one timer. `discover` lists keys with
 * work from the store when resuming after a restart. `idle()` resolves once nothing is ready
 * or running. Marking is O(1): nothing scans the whole queue on the hot path.
 */
export interface SchedulerOptions {
  /** Keys run at once, at most. */
  concurrency: number;
  /** The current time in ms since the epoch (a fake clock in tests). */
  now(): number;
  /** Keys with work in the store, read once when the scheduler starts (resuming after a restart). */
  discover(): Iterable<number>;
  /** ms epoch when the key's work is due, or null when it has none. */
  dueAt(key: number, now: number): number | null;
  /** Resolves true when the key may have more work (it is checked again), false when done. */
  run(key: number): Promise<boolean>;
  /** A run threw: log it; the key is retried per `retry`. */
  onError(err: unknown, key: number): void;
  /** Runs at the start of every pass, before any `dueAt`: where jobs' batched writes commit. */
  beforePass?(): void;
  /** How a key whose run keeps failing waits before its next try, and when it is given up on. */
  retry?: RetryPolicy;
  /**
   * The key failed `retry.parkAfter` times in a row: set its work aside (and tell someone) so it
   * stops being retried, and answer true; the key is then done until it is marked again. False:
   * the failure is not the work's fault (a full disk), keep retrying at the longest wait.
   */
  park?(key: number, err: unknown, failures: number): boolean;
}

export interface RetryPolicy {
  /** Wait after the first failure; doubled after each further one. */
  baseMs: number;
  /** The longest wait between two tries. */
  capMs: number;
  /** Consecutive failures after which the key is parked (needs `park`). */
  parkAfter: number;
}

/** One corrupt turn must not spin: 1 s, 2 s, 4 s … up to 5 min, parked after 6 failures (~1 min). */
export const defaultRetry: RetryPolicy = { baseMs: 1_000, capMs: 5 * 60_000, parkAfter: 6 };

/** The wait before the next try after `failures` consecutive failures. */
export function backoffMs(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
}

export class KeyedScheduler {
  private readonly dirty = new Set<number>();
  private readonly deferred = new Map<number, number>();
  private readonly running = new Set<number>();
  /** Consecutive failures per key, and when a failing key may run again (marks cannot bypass it). */
  private readonly failures = new Map<number, number>();
  private readonly retryAt = new Map<number, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private needsDiscovery = true;
  private scheduled = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: SchedulerOptions) {}

  mark(key: number): void {
    this.dirty.add(key);
    this.kick();
  }

  /**
   * Re-read the store for work (at start, and when something outside the marks changed: a number
   * reconnected, the disk has space again). Waits of failing keys end: the cause may be gone.
   */
  rediscover(): void {
    this.retryAt.clear();
    for (const key of this.deferred.keys()) this.dirty.add(key);
    this.deferred.clear();
    this.needsDiscovery = true;
    this.kick();
  }

  kick(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Resolves when nothing is ready or running (deferred work may remain). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.kick();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
    try {
      this.opts.beforePass?.();
    } catch (err) {
      this.opts.onError(err, -1); // still pending in the store: the next start runs it
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump(): void {
    if (this.stopped) return;
    try {
      this.opts.beforePass?.();
    } catch (err) {
      // A failed group commit (disk full) must not escape a setImmediate and kill the process;
      // its turns are still pending in the store and run again once rediscovered.
      this.opts.onError(err, -1);
    }
    if (this.needsDiscovery) {
      this.needsDiscovery = false;
      for (const key of this.opts.discover()) this.dirty.add(key);
    }
    const now = this.opts.now();
    for (const [key, at] of this.deferred) {
      if (at <= now) {
        this.deferred.delete(key);
        this.dirty.add(key);
      }
    }
    for (const key of this.dirty) {
      if (this.running.size >= this.opts.concurrency) break;
      if (this.running.has(key)) continue; // re-checked when its run ends
      this.dirty.delete(key);
      const backoffUntil = this.retryAt.get(key);
      if (backoffUntil !== undefined && backoffUntil > now) {
        this.deferred.set(key, backoffUntil);
        continue;
      }
      const due = this.opts.dueAt(key, now);
      if (due === null) continue;
      if (due > now) {
        this.deferred.set(key, Math.min(this.deferred.get(key) ?? Infinity, due));
        continue;
      }
      this.start(key);
    }
    this.armTimer(now);
    if (this.running.size === 0 && this.dirty.size === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private start(key: number): void {
    this.running.add(key);
    const job: Promise<void> = this.opts
      .run(key)
      .then(
        (more) => {
          this.failures.delete(key);
          this.retryAt.delete(key);
          return more;
        },
        (err: unknown) => this.failed(key, err),
      )
      .then((more) => {
        this.running.delete(key);
        this.inFlight.delete(job);
        // Marks that arrived while it ran kept it dirty; otherwise the job knows best.
        if (more) this.dirty.add(key);
        this.kick();
      });
    this.inFlight.add(job);
  }

  /** Backs a failing key off, or parks it; answers whether it should be looked at again now. */
  private failed(key: number, err: unknown): boolean {
    this.opts.onError(err, key);
    const policy = this.opts.retry ?? defaultRetry;
    const failures = (this.failures.get(key) ?? 0) + 1;
    if (this.opts.park && failures >= policy.parkAfter) {
      this.failures.delete(key);
      this.retryAt.delete(key);
      let parked = false;
      try {
        parked = this.opts.park(key, err, failures);
      } catch (parkErr) {
        this.opts.onError(parkErr, key);
      }
      if (parked) return false;
      // Not parked (or could not even be set aside): keep backing off at the cap.
      this.failures.set(key, failures);
      const at = this.opts.now() + policy.capMs;
      this.retryAt.set(key, at);
      this.deferred.set(key, at);
      return false;
    }
    this.failures.set(key, failures);
    const at = this.opts.now() + backoffMs(policy, failures);
    this.retryAt.set(key, at);
    this.deferred.set(key, at);
    return false;
  }

  private armTimer(now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.deferred.size === 0) return;
    const next = Math.min(...this.deferred.values());
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.kick();
      },
      Math.max(0, Math.min(next - now, 2 ** 31 - 1)),
    );
    this.timer.unref();
  }
}
