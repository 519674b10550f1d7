import type { AccountStatus } from '../../../../shared/domain/schemas';
import { prepareAccountWrites } from '../../accounts';
import type { WritableSqlite } from '../../store';
import type { AnswerMode, AnswerPolicy, ExcludedContact, WaContact } from '../../../../shared/domain/whatsapp';

interface WaAccountRow {
  account_id: number;
  answer_mode: string;
  groups: string;
  catch_up_max_hours: number;
  history_sync: number;
  linked_at: string | null;
  last_connected_at: string | null;
  disconnected_since: string | null;
  status_detail: string | null;
  decrypt_failures: number;
  autostart: number;
  removed_at: string | null;
}

export interface WaAccountState {
  accountId: number;
  shopId: number;
  label: string;
  phone: string | null;
  status: AccountStatus;
  linkedAt: string | null;
  lastConnectedAt: string | null;
  disconnectedSince: string | null;
  detail: string | null;
  decryptFailures: number;
  autostart: boolean;
  removedAt: string | null;
}

export interface PolicyPatch {
  mode?: AnswerMode | undefined;
  groups?: string[] | undefined;
  catchUpMaxHours?: number | undefined;
  historySync?: boolean | undefined;
}

const parseGroups = (text: string): string[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
};

const toMode = (value: string): AnswerMode => (value === 'not_excluded' || value === 'new_only' ? value : 'everyone');

/**
 * WhatsApp-specific rows (synchronous better-sqlite3: called from Baileys event handlers that
 * must not interleave). Auth state lives in auth-store.ts; this is everything else.
 */
/** The store's writing connection, as the channel's repositories take it. */
export type WaSqlite = WritableSqlite;

export function makeWaRepo(sqlite: WaSqlite) {
  const accounts = prepareAccountWrites(sqlite);
  const ensure = sqlite.prepare('INSERT OR IGNORE INTO wa_accounts (account_id) VALUES (?)');
  const getRow = sqlite.prepare<
    [number],
    WaAccountRow & { shop_id: number; label: string; phone: string | null; status: string; channel: string }
  >(
    `SELECT w.*, a.shop_id, a.label, a.phone, a.status, a.channel FROM accounts a JOIN wa_accounts w ON w.account_id = a.id WHERE a.id = ?`,
  );

  function state(accountId: number): WaAccountState | undefined {
    ensureIfWhatsApp(accountId);
    const row = getRow.get(accountId);
    if (!row || row.channel !== 'whatsapp') return undefined;
    return {
      accountId: row.account_id,
      shopId: row.shop_id,
      label: row.label,
      phone: row.phone,
      status: row.status as AccountStatus,
      linkedAt: row.linked_at,
      lastConnectedAt: row.last_connected_at,
      disconnectedSince: row.disconnected_since,
      detail: row.status_detail,
      decryptFailures: row.decrypt_failures,
      autostart: row.autostart === 1,
      removedAt: row.removed_at,
    };
  }

  function ensureIfWhatsApp(accountId: number): void {
    const acc = sqlite.prepare<[number], { channel: string }>('SELECT channel FROM accounts WHERE id = ?').get(accountId);
    if (acc?.channel === 'whatsapp') ensure.run(accountId);
  }

  function policy(accountId: number): AnswerPolicy {
    ensure.run(accountId);
    const row = sqlite.prepare<[number], WaAccountRow>('SELECT * FROM wa_accounts WHERE account_id = ?').get(accountId);
    const excluded = sqlite
      .prepare<[number], ExcludedContact>('SELECT jid, name FROM wa_excluded WHERE account_id = ? ORDER BY name IS NULL, name, jid')
      .all(accountId);
    return {
      accountId,
      mode: toMode(row?.answer_mode ?? 'everyone'),
      excluded,
      groups: parseGroups(row?.groups ?? '[]'),
      catchUpMaxHours: row?.catch_up_max_hours ?? 12,
      historySync: row?.history_sync === 1,
    };
  }

  return {
    state,
    policy,

    createAccount(input: { shopId: number; label: string; now: string }): number {
      const id = accounts.insert({
        shopId: input.shopId,
        channel: 'whatsapp',
        label: input.label,
        phone: null,
        status: 'connecting',
        now: input.now,
      });
      ensure.run(id);
      return id;
    },

    /** WhatsApp accounts whose stored status says a session was running (connecting, QR shown, connected). */
    runningAccounts(): number[] {
      return sqlite
        .prepare<[], { id: number }>(
          `SELECT id FROM accounts WHERE channel = 'whatsapp' AND status IN ('connecting', 'qr_ready', 'connected')`,
        )
        .all()
        .map((r) => r.id);
    },

    /** Accounts to reconnect on start: linked, not removed, not stopped by the seller or by WhatsApp. */
    autostartAccounts(): { accountId: number; shopId: number }[] {
      return sqlite
        .prepare<[], { accountId: number; shopId: number }>(
          `SELECT a.id AS accountId, a.shop_id AS shopId FROM wa_accounts w JOIN accounts a ON a.id = w.account_id
           WHERE w.autostart = 1 AND w.removed_at IS NULL AND a.channel = 'whatsapp' ORDER BY a.id`,
        )
        .all();
    },

    listForShop(shopId: number): WaAccountState[] {
      const ids = sqlite
        .prepare<[number], { id: number }>(`SELECT id FROM accounts WHERE shop_id = ? AND channel = 'whatsapp' ORDER BY id`)
        .all(shopId);
      return ids.map(({ id }) => state(id)).filter((s): s is WaAccountState => Boolean(s) && !s?.removedAt);
    },

    setStatus(accountId: number, status: AccountStatus, detail: string | null, now: string): void {
      sqlite.transaction(() => {
        accounts.setStatus(accountId, status);
        ensure.run(accountId);
        if (status === 'connected') {
          sqlite
            .prepare('UPDATE wa_accounts SET status_detail = ?, last_connected_at = ?, disconnected_since = NULL WHERE account_id = ?')
            .run(detail, now, accountId);
        } else {
          sqlite
            .prepare('UPDATE wa_accounts SET status_detail = ?, disconnected_since = COALESCE(disconnected_since, ?) WHERE account_id = ?')
            .run(detail, now, accountId);
        }
      })();
    },

    setPhone(accountId: number, phone: string | null): void {
      accounts.setPhone(accountId, phone);
    },

    setLinkedAt(accountId: number, now: string): void {
      sqlite
        .prepare('UPDATE wa_accounts SET linked_at = COALESCE(linked_at, ?), removed_at = NULL WHERE account_id = ?')
        .run(now, accountId);
    },

    setAutostart(accountId: number, on: boolean): void {
      ensure.run(accountId);
      sqlite.prepare('UPDATE wa_accounts SET autostart = ? WHERE account_id = ?').run(on ? 1 : 0, accountId);
    },

    countDecryptFailure(accountId: number): number {
      sqlite.prepare('UPDATE wa_accounts SET decrypt_failures = decrypt_failures + 1 WHERE account_id = ?').run(accountId);
      return (
        sqlite.prepare<[number], { n: number }>('SELECT decrypt_failures AS n FROM wa_accounts WHERE account_id = ?').get(accountId)?.n ?? 0
      );
    },

    markRemoved(accountId: number, now: string): void {
      sqlite.prepare('UPDATE wa_accounts SET removed_at = ?, autostart = 0, linked_at = NULL WHERE account_id = ?').run(now, accountId);
    },

    /** Deletes an account that never linked and has no conversation (a cancelled link). */
    deleteIfUnused(accountId: number): boolean {
      const used = sqlite.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM conversations WHERE account_id = ?').get(accountId);
      if ((used?.n ?? 0) > 0) return false;
      return accounts.remove(accountId, 'whatsapp');
    },

    setPolicy(accountId: number, patch: PolicyPatch): AnswerPolicy {
      ensure.run(accountId);
      const current = policy(accountId);
      sqlite
        .prepare('UPDATE wa_accounts SET answer_mode = ?, groups = ?, catch_up_max_hours = ?, history_sync = ? WHERE account_id = ?')
        .run(
          patch.mode ?? current.mode,
          JSON.stringify(patch.groups ?? current.groups),
          patch.catchUpMaxHours ?? current.catchUpMaxHours,
          (patch.historySync ?? current.historySync) ? 1 : 0,
          accountId,
        );
      return policy(accountId);
    },

    setExcluded(accountId: number, contacts: ExcludedContact[]): AnswerPolicy {
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM wa_excluded WHERE account_id = ?').run(accountId);
        const insert = sqlite.prepare('INSERT OR REPLACE INTO wa_excluded (account_id, jid, name) VALUES (?, ?, ?)');
        for (const c of contacts) insert.run(accountId, c.jid, c.name);
      })();
      return policy(accountId);
    },

    isExcluded(accountId: number, jid: string): boolean {
      return Boolean(sqlite.prepare('SELECT 1 FROM wa_excluded WHERE account_id = ? AND jid = ?').get(accountId, jid));
    },

    /** Contacts from the phone's sync. `saved` = the seller stored the number in the address book. */
    upsertContacts(accountId: number, contacts: { jid: string; name: string | null; notify: string | null }[]): void {
      if (contacts.length === 0) return;
      const upsert = sqlite.prepare(
        `INSERT INTO wa_contacts (account_id, jid, name, notify, saved) VALUES (@accountId, @jid, @name, @notify, @saved)
         ON CONFLICT(account_id, jid) DO UPDATE SET
           name = COALESCE(excluded.name, wa_contacts.name),
           notify = COALESCE(excluded.notify, wa_contacts.notify),
           saved = MAX(wa_contacts.saved, excluded.saved)`,
      );
      sqlite.transaction(() => {
        for (const c of contacts) upsert.run({ accountId, jid: c.jid, name: c.name, notify: c.notify, saved: c.name ? 1 : 0 });
      })();
    },

    isSavedContact(accountId: number, jid: string): boolean {
      return Boolean(sqlite.prepare('SELECT 1 FROM wa_contacts WHERE account_id = ? AND jid = ? AND saved = 1').get(accountId, jid));
    },

    listContacts(accountId: number, query?: string): WaContact[] {
      const like = `%${(query ?? '').replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      return sqlite
        .prepare<[number, string, string, string], { jid: string; name: string | null; saved: number }>(
          `SELECT jid, COALESCE(name, notify) AS name, saved FROM wa_contacts
           WHERE account_id = ? AND (COALESCE(name, notify, '') LIKE ? ESCAPE '\\' OR jid LIKE ? ESCAPE '\\') AND jid LIKE ?
           ORDER BY saved DESC, name IS NULL, name LIMIT 500`,
        )
        .all(accountId, like, like, '%@s.whatsapp.net')
        .map((r) => ({ jid: r.jid, name: r.name, saved: r.saved === 1 }));
    },

    saveSent(accountId: number, messageId: string, remoteJid: string, content: Uint8Array, now: string): void {
      sqlite
        .prepare('INSERT OR REPLACE INTO wa_sent (account_id, message_id, remote_jid, content, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(accountId, messageId, remoteJid, Buffer.from(content), now);
    },

    getSent(accountId: number, messageId: string): Buffer | undefined {
      return sqlite
        .prepare<[number, string], { content: Buffer }>('SELECT content FROM wa_sent WHERE account_id = ? AND message_id = ?')
        .get(accountId, messageId)?.content;
    },

    pruneSent(before: string): number {
      return sqlite.prepare('DELETE FROM wa_sent WHERE created_at < ?').run(before).changes;
    },

    /** Messages in and out on this number since `since` (ISO), for the Connect page. */
    countsSince(accountId: number, since: string): { received: number; sent: number } {
      const rows = sqlite
        .prepare<[number, string], { direction: string; n: number }>(
          'SELECT direction, COUNT(*) AS n FROM messages WHERE account_id = ? AND created_at >= ? GROUP BY direction',
        )
        .all(accountId, since);
      return { received: rows.find((r) => r.direction === 'in')?.n ?? 0, sent: rows.find((r) => r.direction === 'out')?.n ?? 0 };
    },
  };
}
export type WaRepo = ReturnType<typeof makeWaRepo>;
