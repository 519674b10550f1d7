import type { WritableSqlite } from '../../store';
import type { Clock, Logger } from '../../ports';
import { type JobRow, type NewJob, makeJobsRepo } from './jobs-repo';

/** What a job's handler sees. */
export interface Job {
  id: number;
  kind: string;
  key: string;
  shopId: number | null;
  payload: unknown;
  /** When it was due (a run missed while the laptop slept is due in the past). */
  runAt: Date;
  attempts: number;
  recurring: boolean;
}

/**
 * What a run reports. `more`: work remains, run again right away (a batch job). `nextAt`: a
 * one-shot job waits until then instead of finishing (a follow-up outside opening hours); a
 * recurring job runs next then instead of one period later.
 */
export type JobOutcome = void | { more?: boolean; nextAt?: Date | null };
export type JobHandler = (job: Job) => Promise<JobOutcome> | JobOutcome;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerDeps {
  /** The writable database: jobs are rows, so they survive restarts. */
  sqlite: WritableSqlite;
  /** Time for due dates (virtual in the CLI's simulation). */
  clock: Clock;
  /** Core's logger: failed runs. */
  logger: Logger;
  /** Real timers by default; tests drive `runDue` themselves. */
  timers?: Timers;
  /** After this many failed runs a one-shot job stops retrying (shown in Settings). */
  maxAttempts?: number;
  /** Retry wait of a failed run: `baseMs` doubled per failure up to `maxMs`. Default 30 s up to 1 h. */
  backoff?: { baseMs: number; maxMs: number };
  /** The longest the timer sleeps: after a suspend or a clock change the due check comes soon. */
  pollMs?: number;
  /** Every failed run (besides the retry): core reports a full disk from here. */
  onFailure?: (err: unknown, kind: string) => void;
}

export interface ScheduleOptions {
  /** The shop the job belongs to (its jobs go when the shop does); null for app-wide jobs. */
  shopId?: number | null;
  /** JSON-serialisable data handed to the job's handler. */
  payload?: unknown;
}

const nodeTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Exponential backoff: base × 2^(attempt−1), capped. */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));

const toJob = (row: JobRow): Job => ({
  id: row.id,
  kind: row.kind,
  key: row.unique_key,
  shopId: row.shop_id,
  payload: JSON.parse(row.payload) as unknown,
  runAt: new Date(row.run_at),
  attempts: row.attempts,
  recurring: row.every_ms !== null,
});

/**
 * The one owner of periodic and deferred work: jobs live in the store (they survive restarts),
 * run one at a time when due on the injected clock, retry with backoff when they throw, and
 * recurring jobs missed while the app was closed run once, not once per missed period.
 */
export function makeScheduler(deps: SchedulerDeps) {
  const { clock, logger } = deps;
  const repo = makeJobsRepo(deps.sqlite);
  const timers = deps.timers ?? nodeTimers;
  const maxAttempts = deps.maxAttempts ?? 8;
  const backoff = deps.backoff ?? { baseMs: 30_000, maxMs: 3_600_000 };
  const pollMs = deps.pollMs ?? 60_000;
  const handlers = new Map<string, JobHandler>();
  /** In-memory "run soon" requests by key: cheap enough for the message hot path (no write). */
  const nudged = new Map<string, number>();
  let timer: unknown = null;
  let started = false;
  let running: Promise<number> | null = null;
  let again = false;
  let closing = false;

  const nowMs = () => clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();

  function nextNudge(): [string, number] | null {
    let best: [string, number] | null = null;
    for (const entry of nudged) if (!best || entry[1] < best[1]) best = entry;
    return best;
  }

  /** The due job to run now: a nudged one first, else the stored one due earliest. */
  function takeDue(now: number): { row: JobRow; nudge: boolean } | null {
    const nudge = nextNudge();
    if (nudge && nudge[1] <= now) {
      nudged.delete(nudge[0]);
      const row = repo.byKey(nudge[0]);
      if (row && row.state === 'pending') return { row, nudge: true };
    }
    const row = repo.due(iso(now));
    return row ? { row, nudge: false } : null;
  }

  async function runOne(row: JobRow, nudge: boolean): Promise<void> {
    const handler = handlers.get(row.kind);
    const job = toJob(row);
    const startedAt = nowMs();
    if (!handler) {
      // A job of a kind this build does not run (a newer build wrote it): leave it be, later.
      repo.fail(row.id, iso(startedAt + backoff.maxMs), `No handler for job kind ${row.kind}`, iso(startedAt));
      return;
    }
    let outcome: JobOutcome;
    try {
      outcome = await handler(job);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const attempt = row.attempts + 1;
      logger.warn({ kind: row.kind, key: row.unique_key, attempt, err: message }, 'job failed; it will be retried');
      deps.onFailure?.(err, row.kind);
      if (!job.recurring && attempt >= maxAttempts) repo.giveUp(row.id, message, iso(nowMs()));
      else repo.fail(row.id, iso(nowMs() + backoffMs(attempt, backoff.baseMs, backoff.maxMs)), message, iso(nowMs()));
      return;
    }
    const after = nowMs();
    if (outcome?.more) {
      nudged.set(row.unique_key, after);
      if (nudge && row.attempts === 0) return;
    }
    if (job.recurring) {
      // A nudged run of a healthy recurring job leaves its period alone (and writes nothing).
      if (nudge && row.attempts === 0 && !outcome?.nextAt) return;
      const period = after + (row.every_ms ?? 0);
      const next = outcome?.nextAt ? Math.min(outcome.nextAt.getTime(), period) : period;
      repo.reschedule(row.id, iso(next), iso(after));
    } else if (outcome?.nextAt) {
      repo.reschedule(row.id, iso(outcome.nextAt.getTime()), iso(after));
    } else if (!outcome?.more) {
      repo.done(row.id);
    }
  }

  async function drainDue(): Promise<number> {
    let ran = 0;
    while (!closing) {
      const due = takeDue(nowMs());
      if (!due) break;
      await runOne(due.row, due.nudge);
      ran += 1;
      // Give the event loop a turn between jobs: a batch job catching up must not starve messages.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return ran;
  }

  function arm(): void {
    if (!started) return;
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    const now = nowMs();
    const stored = repo.next(false);
    const nudge = nextNudge();
    const candidates = [stored ? Date.parse(stored) : Infinity, nudge ? nudge[1] : Infinity];
    const delay = Math.max(0, Math.min(Math.min(...candidates) - now, pollMs));
    timer = timers.setTimeout(() => {
      timer = null;
      void scheduler.runDue();
    }, delay);
  }

  const scheduler = {
    /** Registers what runs a kind of job (each domain registers its own). */
    register(kind: string, handler: JobHandler): void {
      if (handlers.has(kind)) throw new Error(`Job kind ${kind} registered twice`);
      handlers.set(kind, handler);
    },
    /** A one-shot job at `runAt`; scheduling the same key again moves it. */
    schedule(kind: string, key: string, runAt: Date, options: ScheduleOptions = {}): void {
      const job: NewJob = { kind, key, runAt: runAt.toISOString(), shopId: options.shopId ?? null, payload: options.payload ?? {} };
      repo.replace(job, iso(nowMs()));
      arm();
    },
    /** A recurring job every `everyMs`, first due at `firstAt` (default now). Idempotent: a
     * restart keeps the stored next run, so a run missed while closed happens once on start. */
    every(kind: string, key: string, everyMs: number, options: ScheduleOptions & { firstAt?: Date } = {}): void {
      const runAt = (options.firstAt ?? clock.now()).toISOString();
      repo.ensure({ kind, key, runAt, everyMs, shopId: options.shopId ?? null, payload: options.payload ?? {} }, iso(nowMs()));
      arm();
    },
    cancel(key: string): boolean {
      nudged.delete(key);
      return repo.cancel(key);
    },
    /** Run the job with this key soon, without a write (the message hot path calls it). */
    nudge(key: string, delayMs = 0): void {
      const at = nowMs() + delayMs;
      const current = nudged.get(key);
      if (current !== undefined && current <= at) return;
      nudged.set(key, at);
      arm();
    },
    /** Runs every job due now, one at a time; resolves with how many ran. */
    runDue(): Promise<number> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        let total = 0;
        do {
          again = false;
          total += await drainDue();
        } while (again);
        return total;
      })().finally(() => {
        running = null;
        arm();
      });
      return running;
    },
    /** When the next job is due (ms epoch), or null; `oneShotOnly` ignores recurring jobs. */
    nextDueAt(oneShotOnly = false): number | null {
      const stored = repo.next(oneShotOnly);
      const nudge = oneShotOnly ? null : nextNudge();
      const at = Math.min(stored ? Date.parse(stored) : Infinity, nudge ? nudge[1] : Infinity);
      return Number.isFinite(at) ? at : null;
    },
    /** Jobs whose last run failed (retrying or given up): what Settings shows. */
    failures: () =>
      repo.failing().map((row) => ({ ...toJob(row), state: row.state, lastError: row.last_error ?? '', lastRunAt: row.last_run_at })),
    /** A given-up job tries again now. */
    retry(id: number): boolean {
      const ok = repo.retry(id, iso(nowMs()));
      arm();
      return ok;
    },
    jobs: () => repo.list().map(toJob),
    start(): void {
      started = true;
      void scheduler.runDue();
    },
    async stop(): Promise<void> {
      started = false;
      closing = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      nudged.clear();
      await running;
    },
  };
  return scheduler;
}
export type Scheduler = ReturnType<typeof makeScheduler>;
