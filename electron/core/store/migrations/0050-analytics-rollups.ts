import { type Kysely, sql } from 'kysely';

/**
 * Daily rollups of the Analytics page's message figures (analytics/rollups.ts), one row per shop
 * and local day (`facts`: JSON written by analytics/day-facts.ts, valid for `time_zone` only).
 * A day's row depends on that day's messages alone, so keeping it exact only needs to know which
 * days changed: the triggers below note the UTC hour of every message written, changed or deleted
 * (a change that cannot move a figure — a delivery receipt — notes nothing); the next read drops
 * the local days those hours fall in and rebuilds them. Existing stores need no back-fill here:
 * a day without a row is built the first time a period needs it (and a background job builds the
 * rest, newest first).
 *
 * Two partial indexes serve the figures still computed on demand: seller messages by
 * conversation and time (which orders a person closed) and the bot's "other" replies by time
 * (unanswered questions). Each holds only the rows it names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE analytics_days (
    shop_id INTEGER NOT NULL,
    day TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    facts TEXT NOT NULL,
    built_at TEXT NOT NULL,
    -- A random number per build: a reader that keeps parsed facts in memory knows when they are stale.
    build INTEGER NOT NULL,
    PRIMARY KEY (shop_id, day)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE analytics_dirty_hours (
    shop_id INTEGER NOT NULL,
    utc_hour TEXT NOT NULL,
    PRIMARY KEY (shop_id, utc_hour)
  ) WITHOUT ROWID`.execute(db);
  // substr(created_at, 1, 13): 'YYYY-MM-DDTHH' of the stored ISO time.
  await sql`CREATE TRIGGER analytics_dirty_on_insert AFTER INSERT ON messages BEGIN
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (NEW.shop_id, substr(NEW.created_at, 1, 13));
  END`.execute(db);
  // The columns and the one status change the figures read (analytics/message-scan.ts).
  await sql`CREATE TRIGGER analytics_dirty_on_update
    AFTER UPDATE OF shop_id, conversation_id, created_at, direction, author, status, meta ON messages
    WHEN OLD.shop_id IS NOT NEW.shop_id OR OLD.conversation_id IS NOT NEW.conversation_id OR OLD.created_at IS NOT NEW.created_at
      OR OLD.direction IS NOT NEW.direction OR OLD.author IS NOT NEW.author OR OLD.meta IS NOT NEW.meta
      OR (OLD.status IN ('draft', 'rejected')) IS NOT (NEW.status IN ('draft', 'rejected'))
  BEGIN
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (OLD.shop_id, substr(OLD.created_at, 1, 13));
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (NEW.shop_id, substr(NEW.created_at, 1, 13));
  END`.execute(db);
  await sql`CREATE TRIGGER analytics_dirty_on_delete AFTER DELETE ON messages BEGIN
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (OLD.shop_id, substr(OLD.created_at, 1, 13));
  END`.execute(db);
  await sql`CREATE INDEX messages_seller_by_conversation ON messages(conversation_id, created_at)
    WHERE author = 'seller' AND status NOT IN ('draft', 'rejected')`.execute(db);
  await sql`CREATE INDEX messages_bot_other_by_time ON messages(shop_id, created_at)
    WHERE author = 'bot' AND json_extract(meta, '$.intent') = 'other'`.execute(db);
}
