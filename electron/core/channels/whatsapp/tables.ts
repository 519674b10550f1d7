import type { Generated } from 'kysely';

/** Kysely table types of the WhatsApp channel (migration 0005). Booleans are 0/1 integers; blobs are Buffers. */
export interface WaAccountsTable {
  account_id: number;
  answer_mode: Generated<string>;
  /** JSON list of group jids answered. */
  groups: Generated<string>;
  catch_up_max_hours: Generated<number>;
  history_sync: Generated<number>;
  linked_at: string | null;
  last_connected_at: string | null;
  disconnected_since: string | null;
  status_detail: string | null;
  decrypt_failures: Generated<number>;
  autostart: Generated<number>;
  removed_at: string | null;
}

/** Baileys' credentials, sealed with the data folder's key. */
export interface WaAuthCredsTable {
  account_id: number;
  value: Buffer;
  updated_at: string;
}

/** Baileys' signal keys, sealed; `key_digest` names the key without revealing its id. */
export interface WaAuthKeysTable {
  account_id: number;
  type: string;
  key_digest: string;
  value: Buffer;
}

export interface WaContactsTable {
  account_id: number;
  jid: string;
  name: string | null;
  notify: string | null;
  saved: Generated<number>;
}

/** Chats the seller told the bot to leave alone. */
export interface WaExcludedTable {
  account_id: number;
  jid: string;
  name: string | null;
}

/** Sent message content kept for WhatsApp's retry requests (sealed). */
export interface WaSentTable {
  account_id: number;
  message_id: string;
  remote_jid: string;
  content: Buffer;
  created_at: string;
}

/** The tables this channel owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface WhatsAppTables {
  wa_accounts: WaAccountsTable;
  wa_auth_creds: WaAuthCredsTable;
  wa_auth_keys: WaAuthKeysTable;
  wa_contacts: WaContactsTable;
  wa_excluded: WaExcludedTable;
  wa_sent: WaSentTable;
}
