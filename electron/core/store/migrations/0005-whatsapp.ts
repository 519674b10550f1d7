import { type Kysely, sql } from 'kysely';

/**
 * WhatsApp (Baileys) state per linked account: encrypted auth state (creds + signal keys),
 * the account's answering policy, the excluded list, contacts synced from the phone, and the
 * content of recently sent messages (Baileys' getMessage for retries). Key material is sealed
 * (AES-256-GCM) and key ids are keyed digests, so the file holds no credentials in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE wa_auth_creds (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    value BLOB NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE wa_auth_keys (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    key_digest TEXT NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (account_id, type, key_digest)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE wa_accounts (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    answer_mode TEXT NOT NULL DEFAULT 'everyone',
    groups TEXT NOT NULL DEFAULT '[]',
    catch_up_max_hours REAL NOT NULL DEFAULT 12,
    history_sync INTEGER NOT NULL DEFAULT 0,
    linked_at TEXT,
    last_connected_at TEXT,
    disconnected_since TEXT,
    status_detail TEXT,
    decrypt_failures INTEGER NOT NULL DEFAULT 0,
    autostart INTEGER NOT NULL DEFAULT 0,
    removed_at TEXT
  )`.execute(db);

  await sql`CREATE TABLE wa_excluded (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    jid TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (account_id, jid)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE wa_contacts (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    jid TEXT NOT NULL,
    name TEXT,
    notify TEXT,
    saved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, jid)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE wa_sent (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message_id TEXT NOT NULL,
    remote_jid TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, message_id)
  ) WITHOUT ROWID`.execute(db);
  // Pruning old sent-message content scans by age.
  await sql`CREATE INDEX wa_sent_age ON wa_sent(created_at)`.execute(db);
}
