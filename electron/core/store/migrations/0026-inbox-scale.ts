import { type Kysely, sql } from 'kysely';

/**
 * The inbox at 100,000 conversations: counts kept by the writers instead of a count(*) per page,
 * an index for each status filter's order, and a full-text index over contact names (trigram:
 * "mina" matches inside "Amina"). Like the message index,
 * new contacts are indexed in batches up to a watermark (store/message-search-index.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE conversation_counts (
      shop_id integer NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
      status text NOT NULL,
      n integer NOT NULL,
      PRIMARY KEY (shop_id, status)
    ) WITHOUT ROWID`.execute(db);
  await sql`INSERT INTO conversation_counts (shop_id, status, n) SELECT shop_id, status, count(*) FROM conversations GROUP BY shop_id, status`.execute(
    db,
  );
  const bump = (shop: string, status: string, delta: number) =>
    `INSERT INTO conversation_counts (shop_id, status, n) VALUES (${shop}, ${status}, ${delta})
       ON CONFLICT (shop_id, status) DO UPDATE SET n = n + ${delta};`;
  await sql
    .raw(`CREATE TRIGGER conversation_counts_ai AFTER INSERT ON conversations BEGIN ${bump('new.shop_id', 'new.status', 1)} END`)
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER conversation_counts_ad AFTER DELETE ON conversations BEGIN ${bump('old.shop_id', 'old.status', -1)} END`)
    .execute(db);
  // The inbound upsert names status in its SET on every message: only a real change counts.
  await sql
    .raw(
      `CREATE TRIGGER conversation_counts_au AFTER UPDATE OF status, shop_id ON conversations
       WHEN old.status IS NOT new.status OR old.shop_id IS NOT new.shop_id
       BEGIN ${bump('old.shop_id', 'old.status', -1)} ${bump('new.shop_id', 'new.status', 1)} END`,
    )
    .execute(db);

  await sql`CREATE INDEX conversations_shop_status_activity ON conversations(shop_id, status, last_message_at DESC, id DESC)`.execute(db);

  // A search finds contacts first, then their conversations.
  await sql`CREATE INDEX conversations_contact ON conversations(contact_id)`.execute(db);
  // Names only: a number's digits are mostly common trigrams ("000", "550"), so numbers are matched by LIKE instead.
  await sql`CREATE VIRTUAL TABLE contacts_fts USING fts5(name, content='contacts', content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`INSERT INTO search_index_state (name, last_id) VALUES ('contacts', 0)`.execute(db);
  const indexed = sql.raw(`(SELECT last_id FROM search_index_state WHERE name = 'contacts')`);
  await sql`CREATE TRIGGER contacts_fts_ad AFTER DELETE ON contacts WHEN old.id <= ${indexed} BEGIN
      INSERT INTO contacts_fts(contacts_fts, rowid, name) VALUES ('delete', old.id, old.name);
    END`.execute(db);
  await sql`CREATE TRIGGER contacts_fts_au AFTER UPDATE OF name ON contacts WHEN old.id <= ${indexed} BEGIN
      INSERT INTO contacts_fts(contacts_fts, rowid, name) VALUES ('delete', old.id, old.name);
      INSERT INTO contacts_fts(rowid, name) VALUES (new.id, new.name);
    END`.execute(db);
}
