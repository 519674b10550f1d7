/**
 * Runs async jobs one at a time per key (a conversation) and concurrently across keys, up to a
 * limit. `scan` is asked what is ready each time something may have changed (`kick`); it also
 * says when deferred work becomes due, so one timer wakes the loop. `idle()` resolves once a
 * scan finds nothing ready and nothing runs.
 */
export interface ScanResult<T> {
  ready: T[];
  /** ms epoch of the earliest deferred item, or null. */
  wakeAt: number | null;
}

export interface SchedulerOptions<T> {
  name: string;
  concurrency: number;
  scan(exclude: ReadonlySet<number>): ScanResult<T>;
  key(item: T): number;
  run(item: T): Promise<void>;
  now(): number;
  onError(err: unknown, item: T): void;
}

export class KeyedScheduler<T> {
  private readonly running = new Set<number>();
  private scheduled = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly opts: SchedulerOptions<T>) {}

  kick(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Resolves when nothing is ready or running (deferred work may remain, see `wakeAt`). */
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
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pump(): void {
    if (this.stopped) return;
    const free = this.opts.concurrency - this.running.size;
    let started = 0;
    let wakeAt: number | null = null;
    if (free > 0) {
      const { ready, wakeAt: next } = this.opts.scan(this.running);
      wakeAt = next;
      for (const item of ready) {
        if (started >= free) break;
        const key = this.opts.key(item);
        if (this.running.has(key)) continue;
        this.start(key, item);
        started++;
      }
    }
    if (wakeAt !== null) this.wakeAt(wakeAt);
    if (this.running.size === 0 && started === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  private start(key: number, item: T): void {
    this.running.add(key);
    const job: Promise<void> = this.opts
      .run(item)
      .catch((err: unknown) => this.opts.onError(err, item))
      .finally(() => {
        this.running.delete(key);
        this.inFlight.delete(job);
        this.kick();
      });
    this.inFlight.add(job);
  }

  private wakeAt(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(at - this.opts.now(), 2 ** 31 - 1));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
    this.timer.unref();
  }
}
