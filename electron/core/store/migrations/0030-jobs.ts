import { type Kysely, sql } from 'kysely';

/**
 * The persistent jobs table behind everything periodic (learning/scheduler): one row per
 * scheduled job, found again after a restart. `unique_key` makes scheduling idempotent (the same
 * follow-up or recurring job is never queued twice); `every_ms` marks a recurring job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unique_key', 'text', (c) => c.notNull().unique())
    // null: a job of the whole app (search indexing), not of one shop.
    .addColumn('shop_id', 'integer', (c) => c.references('shops.id').onDelete('cascade'))
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('every_ms', 'integer')
    // pending → (done: the row is deleted) | failed (gave up; shown in Settings until retried)
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('jobs_state', sql`state IN ('pending', 'failed')`)
    .execute();
  // The scheduler's one question: what is due next.
  await sql`CREATE INDEX jobs_due ON jobs(run_at) WHERE state = 'pending'`.execute(db);
}
