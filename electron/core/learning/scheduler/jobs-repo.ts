import type { WritableSqlite } from '../../store';

/** One stored job (migration 0030). Times are ISO strings; `payload` is the job's own JSON. */
export interface JobRow {
  id: number;
  kind: string;
  unique_key: string;
  shop_id: number | null;
  payload: string;
  run_at: string;
  every_ms: number | null;
  state: 'pending' | 'failed';
  attempts: number;
  last_error: string | null;
  last_run_at: string | null;
  created_at: string;
}

export interface NewJob {
  kind: string;
  key: string;
  runAt: string;
  shopId?: number | null;
  payload?: unknown;
  everyMs?: number | null;
}

/** The jobs table's statements: every write one short statement, safe to repeat. */
export function makeJobsRepo(sqlite: WritableSqlite) {
  const s = {
    // Recurring jobs keep their stored time across restarts (a missed run stays due once).
    ensure: sqlite.prepare(
      `INSERT INTO jobs (kind, unique_key, shop_id, payload, run_at, every_ms, created_at)
       VALUES (@kind, @key, @shopId, @payload, @runAt, @everyMs, @now)
       ON CONFLICT (unique_key) DO UPDATE SET every_ms = excluded.every_ms, payload = excluded.payload`,
    ),
    // A one-shot job scheduled again moves to the new time and starts its attempts afresh.
    replace: sqlite.prepare(
      `INSERT INTO jobs (kind, unique_key, shop_id, payload, run_at, every_ms, created_at)
       VALUES (@kind, @key, @shopId, @payload, @runAt, @everyMs, @now)
       ON CONFLICT (unique_key) DO UPDATE SET run_at = excluded.run_at, payload = excluded.payload,
         state = 'pending', attempts = 0, last_error = NULL`,
    ),
    byKey: sqlite.prepare<[string], JobRow>('SELECT * FROM jobs WHERE unique_key = ?'),
    due: sqlite.prepare<[string], JobRow>("SELECT * FROM jobs WHERE state = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT 1"),
    next: sqlite.prepare<[], { run_at: string }>("SELECT run_at FROM jobs WHERE state = 'pending' ORDER BY run_at LIMIT 1"),
    nextOneShot: sqlite.prepare<[], { run_at: string }>(
      "SELECT run_at FROM jobs WHERE state = 'pending' AND every_ms IS NULL ORDER BY run_at LIMIT 1",
    ),
    done: sqlite.prepare<[number]>('DELETE FROM jobs WHERE id = ?'),
    cancel: sqlite.prepare<[string]>('DELETE FROM jobs WHERE unique_key = ?'),
    reschedule: sqlite.prepare<[string, string, number]>(
      'UPDATE jobs SET run_at = ?, attempts = 0, last_error = NULL, last_run_at = ? WHERE id = ?',
    ),
    fail: sqlite.prepare<[string, string, string, number]>(
      'UPDATE jobs SET run_at = ?, attempts = attempts + 1, last_error = ?, last_run_at = ? WHERE id = ?',
    ),
    giveUp: sqlite.prepare<[string, string, number]>(
      "UPDATE jobs SET state = 'failed', attempts = attempts + 1, last_error = ?, last_run_at = ? WHERE id = ?",
    ),
    retry: sqlite.prepare<[string, number]>("UPDATE jobs SET state = 'pending', run_at = ?, attempts = 0 WHERE id = ?"),
    failing: sqlite.prepare<[], JobRow>('SELECT * FROM jobs WHERE last_error IS NOT NULL ORDER BY run_at'),
    list: sqlite.prepare<[], JobRow>('SELECT * FROM jobs ORDER BY run_at, id'),
  };
  const params = (job: NewJob, now: string) => ({
    kind: job.kind,
    key: job.key,
    shopId: job.shopId ?? null,
    payload: JSON.stringify(job.payload ?? {}),
    runAt: job.runAt,
    everyMs: job.everyMs ?? null,
    now,
  });
  return {
    ensure: (job: NewJob, now: string) => s.ensure.run(params(job, now)),
    replace: (job: NewJob, now: string) => s.replace.run(params(job, now)),
    byKey: (key: string) => s.byKey.get(key),
    due: (nowIso: string) => s.due.get(nowIso),
    next: (oneShotOnly: boolean) => (oneShotOnly ? s.nextOneShot : s.next).get()?.run_at ?? null,
    done: (id: number) => s.done.run(id),
    cancel: (key: string) => s.cancel.run(key).changes > 0,
    reschedule: (id: number, runAt: string, ranAt: string) => s.reschedule.run(runAt, ranAt, id),
    fail: (id: number, runAt: string, error: string, ranAt: string) => s.fail.run(runAt, error, ranAt, id),
    giveUp: (id: number, error: string, ranAt: string) => s.giveUp.run(error, ranAt, id),
    retry: (id: number, runAt: string) => s.retry.run(runAt, id).changes > 0,
    failing: () => s.failing.all(),
    list: () => s.list.all(),
  };
}
