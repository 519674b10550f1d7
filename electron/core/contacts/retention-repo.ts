import type { Database } from '../database';
import { type ReadableSqlite, typedStatements } from '../store';

/** The retention pass's reads: every shop, and a shop's customers with no activity since a cutoff. */
export function makeRetentionRepo(sqlite: ReadableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const shops = statements.prepare((db) => db.selectFrom('shops').select('id'));
  const stale = statements.prepare((db, p: { shopId: number; cutoff: string }) =>
    db
      .selectFrom('contacts as k')
      .leftJoin('conversations as c', 'c.contact_id', 'k.id')
      .select('k.id')
      .where('k.shop_id', '=', p.shopId)
      .groupBy('k.id')
      .having((eb) => eb(eb.fn.coalesce(eb.fn.max('c.last_message_at'), 'k.created_at'), '<', p.cutoff)),
  );
  return {
    shopIds: () => shops.all(),
    /** A contact's last activity is their newest message in any conversation (or their creation). */
    staleContacts: (shopId: number, cutoff: string) => stale.all({ shopId, cutoff }),
  };
}
