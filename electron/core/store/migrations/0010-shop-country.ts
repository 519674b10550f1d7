import { type Kysely, sql } from 'kysely';

/**
 * The shop's country (ISO 3166 alpha-2), set by the seller in Settings. NULL = derived from the
 * currency and time zone (shared/domain/country.ts), which is what every existing shop gets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE shops ADD COLUMN country text`.execute(db);
}
