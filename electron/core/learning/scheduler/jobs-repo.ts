import type { Kysely } from 'kysely';
import { type WritableSqlite, typedStatements } from '../../store';
import type { LearningTables } from '../tables';

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

/** The values an insert of a job binds. */
interface JobValues {
  kind: string;
  key: string;
  shopId: number | null;
  payload: string;
  runAt: string;
  everyMs: number | null;
  now: string;
}

/** The jobs table's statements: every write one short statement, safe to repeat. */
export function makeJobsRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<LearningTables>(sqlite);
  const insertJob = (db: Kysely<LearningTables>, p: JobValues) =>
    db.insertInto('jobs').values({
      kind: p.kind,
      unique_key: p.key,
      shop_id: p.shopId,
      payload: p.payload,
      run_at: p.runAt,
      every_ms: p.everyMs,
      created_at: p.now,
    });
  const pending = (db: Kysely<LearningTables>) => db.selectFrom('jobs').where('state', '=', 'pending');
  const s = {
    // Recurring jobs keep their stored time across restarts (a missed run stays due once).
    ensure: statements.prepare((db, p: JobValues) =>
      insertJob(db, p).onConflict((oc) =>
        oc.column('unique_key').doUpdateSet((eb) => ({ every_ms: eb.ref('excluded.every_ms'), payload: eb.ref('excluded.payload') })),
      ),
    ),
    // A one-shot job scheduled again moves to the new time and starts its attempts afresh.
    replace: statements.prepare((db, p: JobValues) =>
      insertJob(db, p).onConflict((oc) =>
        oc.column('unique_key').doUpdateSet((eb) => ({
          run_at: eb.ref('excluded.run_at'),
          payload: eb.ref('excluded.payload'),
          state: 'pending',
          attempts: 0,
          last_error: null,
        })),
      ),
    ),
    byKey: statements.prepare((db, p: { key: string }) => db.selectFrom('jobs').selectAll().where('unique_key', '=', p.key)),
    due: statements.prepare((db, p: { now: string }) =>
      pending(db).selectAll().where('run_at', '<=', p.now).orderBy('run_at').orderBy('id').limit(1),
    ),
    next: statements.prepare((db) => pending(db).select('run_at').orderBy('run_at').limit(1)),
    nextOneShot: statements.prepare((db) => pending(db).select('run_at').where('every_ms', 'is', null).orderBy('run_at').limit(1)),
    done: statements.prepare((db, p: { id: number }) => db.deleteFrom('jobs').where('id', '=', p.id)),
    cancel: statements.prepare((db, p: { key: string }) => db.deleteFrom('jobs').where('unique_key', '=', p.key)),
    reschedule: statements.prepare((db, p: { id: number; runAt: string; ranAt: string }) =>
      db.updateTable('jobs').set({ run_at: p.runAt, attempts: 0, last_error: null, last_run_at: p.ranAt }).where('id', '=', p.id),
    ),
    fail: statements.prepare((db, p: { id: number; runAt: string; error: string; ranAt: string }) =>
      db
        .updateTable('jobs')
        .set((eb) => ({ run_at: p.runAt, attempts: eb('attempts', '+', 1), last_error: p.error, last_run_at: p.ranAt }))
        .where('id', '=', p.id),
    ),
    giveUp: statements.prepare((db, p: { id: number; error: string; ranAt: string }) =>
      db
        .updateTable('jobs')
        .set((eb) => ({ state: 'failed', attempts: eb('attempts', '+', 1), last_error: p.error, last_run_at: p.ranAt }))
        .where('id', '=', p.id),
    ),
    retry: statements.prepare((db, p: { id: number; runAt: string }) =>
      db.updateTable('jobs').set({ state: 'pending', run_at: p.runAt, attempts: 0 }).where('id', '=', p.id),
    ),
    failing: statements.prepare((db) => db.selectFrom('jobs').selectAll().where('last_error', 'is not', null).orderBy('run_at')),
    list: statements.prepare((db) => db.selectFrom('jobs').selectAll().orderBy('run_at').orderBy('id')),
  };
  const params = (job: NewJob, now: string): JobValues => ({
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
    byKey: (key: string): JobRow | undefined => s.byKey.get({ key }),
    due: (nowIso: string): JobRow | undefined => s.due.get({ now: nowIso }),
    next: (oneShotOnly: boolean) => (oneShotOnly ? s.nextOneShot : s.next).get()?.run_at ?? null,
    done: (id: number) => s.done.run({ id }),
    cancel: (key: string) => s.cancel.run({ key }).changes > 0,
    reschedule: (id: number, runAt: string, ranAt: string) => s.reschedule.run({ id, runAt, ranAt }),
    fail: (id: number, runAt: string, error: string, ranAt: string) => s.fail.run({ id, runAt, error, ranAt }),
    giveUp: (id: number, error: string, ranAt: string) => s.giveUp.run({ id, error, ranAt }),
    retry: (id: number, runAt: string) => s.retry.run({ id, runAt }).changes > 0,
    failing: (): JobRow[] => s.failing.all(),
    list: (): JobRow[] => s.list.all(),
  };
}
