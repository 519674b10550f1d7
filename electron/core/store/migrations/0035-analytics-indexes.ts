import { type Kysely, sql } from 'kysely';

/**
 * Analytics reads a period of a shop's messages and guardrail interventions by time; without these
 * it scanned every message of the shop (see bench/analytics.ts for the figures before and after).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX messages_shop_created ON messages(shop_id, created_at)`.execute(db);
  await sql`CREATE INDEX guardrail_violations_shop_created ON guardrail_violations(shop_id, created_at)`.execute(db);
}
