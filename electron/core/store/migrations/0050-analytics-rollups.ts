import { type Kysely, sql } from 'kysely';

/**
 * Daily rollups of the Analytics page's message and order figures (analytics/rollups.ts), one row per shop
 * and local day (`facts`: JSON written by analytics/day-facts.ts, valid for `time_zone` only).
 * A day's row depends on that day's messages alone, so keeping it exact only needs to know which
 * days changed: the triggers below note the UTC hour of every message, order or order item written,
 * changed or deleted (a change that cannot move a figure — a delivery receipt — notes nothing); the
 * next read drops the local days those hours fall in (and the day after: a seller message decides
 * who closed the next 24 hours' orders) and rebuilds them. Existing stores need no back-fill here:
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
  // Orders and their items are in the rollups too (a day's orders, units per SKU).
  await sql`CREATE TRIGGER analytics_dirty_on_order_insert AFTER INSERT ON orders BEGIN
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (NEW.shop_id, substr(NEW.created_at, 1, 13));
  END`.execute(db);
  await sql`CREATE TRIGGER analytics_dirty_on_order_update
    AFTER UPDATE OF shop_id, conversation_id, status, total, cash_collected, created_at, created_from_message_id ON orders
    WHEN OLD.shop_id IS NOT NEW.shop_id OR OLD.conversation_id IS NOT NEW.conversation_id OR OLD.status IS NOT NEW.status
      OR OLD.total IS NOT NEW.total OR OLD.cash_collected IS NOT NEW.cash_collected OR OLD.created_at IS NOT NEW.created_at
      OR OLD.created_from_message_id IS NOT NEW.created_from_message_id
  BEGIN
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (OLD.shop_id, substr(OLD.created_at, 1, 13));
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (NEW.shop_id, substr(NEW.created_at, 1, 13));
  END`.execute(db);
  await sql`CREATE TRIGGER analytics_dirty_on_order_delete AFTER DELETE ON orders BEGIN
    INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour) VALUES (OLD.shop_id, substr(OLD.created_at, 1, 13));
  END`.execute(db);
  for (const [event, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE OF order_id, sku, quantity', 'NEW'],
    ['UPDATE OF order_id, sku, quantity', 'OLD'],
    ['DELETE', 'OLD'],
  ] as const) {
    const name = `analytics_dirty_on_item_${event.split(' ')[0]!.toLowerCase()}_${row.toLowerCase()}`;
    await sql
      .raw(
        `CREATE TRIGGER ${name} AFTER ${event} ON order_items BEGIN
          INSERT OR IGNORE INTO analytics_dirty_hours (shop_id, utc_hour)
            SELECT shop_id, substr(created_at, 1, 13) FROM orders WHERE id = ${row}.order_id;
        END`,
      )
      .execute(db);
  }
  await sql`CREATE INDEX messages_seller_by_conversation ON messages(conversation_id, created_at)
    WHERE author = 'seller' AND status NOT IN ('draft', 'rejected')`.execute(db);
  await sql`CREATE INDEX messages_bot_other_by_time ON messages(shop_id, created_at)
    WHERE author = 'bot' AND json_extract(meta, '$.intent') = 'other'`.execute(db);
}
