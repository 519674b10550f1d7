import type { Database } from '../database';
import { type WritableSqlite, typedStatements } from '../store';

/** Texts at least this long are matched inside learned knowledge (shorter ones, "ok", would match anything). */
const QUOTE_MIN = 12;

/** Who is erased, read once before any domain deletes: what each domain's `deleteContactData` finds its rows by. */
export interface ContactSubject {
  /** The customer's shop. */
  shopId: number;
  /** The customer's contacts row. */
  contactId: number;
  /** Their WhatsApp id (wa_contacts, wa_sent and wa_excluded name them by it). */
  jid: string;
  /** Their conversations, on any account of the shop. */
  conversationIds: readonly number[];
  /** The accounts those conversations are on. */
  accountIds: readonly number[];
  /** What quotes them (their longer messages, their number, their name): learned knowledge quoting any goes. */
  quotes: readonly string[];
  /** The media files their messages point to (deleted once the rows are). */
  mediaPaths: readonly string[];
}

/**
 * Reads what identifies the customer in every domain (reads only: each domain deletes its own
 * rows). Undefined when the shop has no such contact.
 */
export function readContactSubject(sqlite: WritableSqlite, shopId: number, contactId: number): ContactSubject | undefined {
  const statements = typedStatements<Database>(sqlite);
  const contact = statements
    .now((db) => db.selectFrom('contacts').select(['jid', 'name']).where('id', '=', contactId).where('shop_id', '=', shopId))
    .get();
  if (!contact) return undefined;
  const conversations = statements
    .now((db) => db.selectFrom('conversations').select(['id', 'account_id']).where('contact_id', '=', contactId))
    .all();
  const ids = conversations.map((c) => c.id);
  const messages =
    ids.length === 0
      ? []
      : statements.now((db) => db.selectFrom('messages').select(['text', 'meta']).where('conversation_id', 'in', ids)).all();
  const mediaPaths = messages.flatMap((m) => {
    const meta = m.meta ? (JSON.parse(m.meta) as { mediaPath?: string | null }) : {};
    return meta.mediaPath ? [meta.mediaPath] : [];
  });
  const customerTexts = messages.map((m) => m.text.trim()).filter((t) => t.length >= QUOTE_MIN);
  return {
    shopId,
    contactId,
    jid: contact.jid,
    conversationIds: ids,
    accountIds: [...new Set(conversations.map((c) => c.account_id))],
    quotes: [...customerTexts, contact.jid.split('@')[0] ?? '', contact.name ?? ''].filter((t) => t.length >= 6),
    mediaPaths,
  };
}

/**
 * Runs `erase` with deleted pages zeroed (secure_delete), then puts the previous setting back. Raw
 * better-sqlite3 on the store's writer, because kysely does not speak SQLite's pragmas.
 */
export function withSecureDelete<T>(sqlite: WritableSqlite, erase: () => T): T {
  const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    return erase();
  } finally {
    sqlite.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}

/** Drops the WAL's copies of the deleted pages (after the indexes were merged). */
export function truncateWal(sqlite: WritableSqlite): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** The contacts row itself, last (after every domain deleted what pointed to it). */
export function deleteContactRow(tx: WritableSqlite, contactId: number): void {
  typedStatements<Database>(tx)
    .now((db) => db.deleteFrom('contacts').where('id', '=', contactId))
    .run();
}
