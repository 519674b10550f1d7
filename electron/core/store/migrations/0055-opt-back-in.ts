import type { Kysely } from 'kysely';

/**
 * An opt-out lasts until the seller opts the customer back in (the customer asked to hear from
 * the shop again). The row stays, lifted: `lifted_at` says when, and messages up to
 * `lifted_after_message_id` are no longer read as a stop; a new "stop" re-arms it. Listing a
 * shop's opted-out customers reads by shop.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('opt_outs').addColumn('lifted_at', 'text').execute();
  await db.schema.alterTable('opt_outs').addColumn('lifted_after_message_id', 'integer').execute();
  await db.schema.createIndex('opt_outs_shop').on('opt_outs').columns(['shop_id', 'created_at']).execute();
}
