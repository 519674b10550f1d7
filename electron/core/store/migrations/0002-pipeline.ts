import { type Kysely, sql } from 'kysely';

/**
 * The durable message lifecycle: inbound queue, outbox, quick replies, and full-text search
 * over message text for the inbox.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbound_queue')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    // One queue row per inbound message by construction (written in the same transaction as
    // the message, whose channel id is unique): no extra unique index to maintain per message.
    .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    // pending → done | dropped | skipped
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('route', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The worker's scan: pending rows in arrival order.
  await sql`CREATE INDEX inbound_queue_pending ON inbound_queue(conversation_id, id) WHERE state = 'pending'`.execute(db);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    // Unique through the message row (its account + channel id index); not indexed again here.
    .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('to_jid', 'text', (c) => c.notNull())
    // Chosen before the first send and never changed: a re-send after a crash reuses it.
    .addColumn('channel_message_id', 'text', (c) => c.notNull())
    // queued → sent | failed
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX outbox_queued ON outbox(conversation_id, id) WHERE state = 'queued'`.execute(db);

  await db.schema
    .createTable('quick_replies')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('quick_replies_shop_name', ['shop_id', 'name'])
    .execute();

  await sql`ALTER TABLE conversations ADD COLUMN flagged_reason text`.execute(db);

  // Inbox search: words and prefixes of message text (external content). New messages are
  // indexed in batches off the hot path (store/message-search-index.ts) up to a watermark;
  // edits and deletes of rows already indexed are mirrored by triggers.
  await sql`CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`CREATE TABLE search_index_state (name text PRIMARY KEY, last_id integer NOT NULL)`.execute(db);
  await sql`INSERT INTO search_index_state (name, last_id) VALUES ('messages', 0)`.execute(db);
  const indexed = sql.raw(`(SELECT last_id FROM search_index_state WHERE name = 'messages')`);
  await sql`CREATE TRIGGER messages_fts_ad AFTER DELETE ON messages WHEN old.id <= ${indexed} BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END`.execute(db);
  await sql`CREATE TRIGGER messages_fts_au AFTER UPDATE OF text ON messages WHEN old.id <= ${indexed} BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
    END`.execute(db);
}
