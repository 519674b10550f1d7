import type { ReadableSqlite } from '../store';

/** The retention pass's reads: every shop, and a shop's customers with no activity since a cutoff. */
export function makeRetentionRepo(sqlite: ReadableSqlite) {
  return {
    shopIds: () => sqlite.prepare<[], { id: number }>('SELECT id FROM shops').all(),
    /** A contact's last activity is their newest message in any conversation (or their creation). */
    staleContacts: (shopId: number, cutoff: string) =>
      sqlite
        .prepare<[number, string], { id: number }>(
          `SELECT k.id FROM contacts k LEFT JOIN conversations c ON c.contact_id = k.id
         WHERE k.shop_id = ? GROUP BY k.id HAVING coalesce(max(c.last_message_at), k.created_at) < ?`,
        )
        .all(shopId, cutoff),
  };
}
