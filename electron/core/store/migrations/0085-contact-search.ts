import { type Kysely, sql } from 'kysely';

/**
 * Contact search without scanning contacts at 100,000 conversations. The trigram index over names
 * gains the phone number (the JID's digits, before the "@"): a LIKE over every JID cost 15–40 ms,
 * the trigram lookup 0.1–12 ms even where every number shares "2135000". Names shorter than a
 * trigram (two letters) are still matched by LIKE, over a covering index of named contacts
 * instead of the table. The index is rebuilt from the start of contacts by the background
 * indexer (store/message-search-index.ts), which searches run first.
 */
export const CONTACT_PHONE = `substr(jid, 1, instr(jid || '@', '@') - 1)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS contacts_fts_ad`.execute(db);
  await sql`DROP TRIGGER IF EXISTS contacts_fts_au`.execute(db);
  await sql`DROP TABLE IF EXISTS contacts_fts`.execute(db);
  // Contentless: the index holds the phone digits, which no contacts column holds as such, and
  // search reads only rowids; contentless_delete lets the triggers remove a row by id.
  await sql`CREATE VIRTUAL TABLE contacts_fts USING fts5(name, jid, content='', contentless_delete=1, tokenize='trigram')`.execute(db);
  await sql`INSERT INTO search_index_state (name, last_id) VALUES ('contacts', 0) ON CONFLICT (name) DO UPDATE SET last_id = 0`.execute(db);
  const indexed = sql.raw(`(SELECT last_id FROM search_index_state WHERE name = 'contacts')`);
  const phone = sql.raw(CONTACT_PHONE.replace(/jid/g, 'new.jid'));
  await sql`CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts WHEN old.id <= ${indexed} BEGIN
      DELETE FROM contacts_fts WHERE rowid = old.id;
    END`.execute(db);
  await sql`CREATE TRIGGER contacts_fts_au AFTER UPDATE OF name, jid ON contacts WHEN old.id <= ${indexed} BEGIN
      DELETE FROM contacts_fts WHERE rowid = old.id;
      INSERT INTO contacts_fts(rowid, name, jid) VALUES (new.id, new.name, ${phone});
    END`.execute(db);
  await sql`CREATE INDEX contacts_shop_name ON contacts(shop_id, name) WHERE name IS NOT NULL`.execute(db);
}
