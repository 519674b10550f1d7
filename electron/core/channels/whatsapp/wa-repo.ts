import type { AccountStatus } from '../../../../shared/domain/schemas';
import { prepareAccountWrites } from '../../accounts';
import type { WritableSqlite } from '../../store';
import type { AnswerMode, AnswerPolicy, ExcludedContact, WaContact } from '../../../../shared/domain/whatsapp';
import { prepareWaStatements } from './wa-statements';

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
  const q = prepareWaStatements(sqlite);
  const ensure = (accountId: number): void => void q.ensure.run({ accountId });

  function state(accountId: number): WaAccountState | undefined {
    ensureIfWhatsApp(accountId);
    const row = q.getRow.get({ accountId });
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
    const acc = q.channelOf.get({ accountId });
    if (acc?.channel === 'whatsapp') ensure(accountId);
  }

  function policy(accountId: number): AnswerPolicy {
    ensure(accountId);
    const row = q.policyRow.get({ accountId });
    const excluded: ExcludedContact[] = q.excluded.all({ accountId });
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
      ensure(id);
      return id;
    },

    /** WhatsApp accounts whose stored status says a session was running (connecting, QR shown, connected). */
    runningAccounts(): number[] {
      return q.running.all().map((r) => r.id);
    },

    /** Accounts to reconnect on start: linked, not removed, not stopped by the seller or by WhatsApp. */
    autostartAccounts(): { accountId: number; shopId: number }[] {
      return q.autostart.all();
    },

    listForShop(shopId: number): WaAccountState[] {
      const ids = q.idsOfShop.all({ shopId });
      return ids.map(({ id }) => state(id)).filter((s): s is WaAccountState => Boolean(s) && !s?.removedAt);
    },

    setStatus(accountId: number, status: AccountStatus, detail: string | null, now: string): void {
      sqlite.transaction(() => {
        accounts.setStatus(accountId, status);
        ensure(accountId);
        if (status === 'connected') {
          q.connected.run({ accountId, detail, now });
        } else {
          q.disconnected.run({ accountId, detail, now });
        }
      })();
    },

    setPhone(accountId: number, phone: string | null): void {
      accounts.setPhone(accountId, phone);
    },

    setLinkedAt(accountId: number, now: string): void {
      q.linked.run({ accountId, now });
    },

    setAutostart(accountId: number, on: boolean): void {
      ensure(accountId);
      q.autostartSet.run({ accountId, on: on ? 1 : 0 });
    },

    countDecryptFailure(accountId: number): number {
      q.decryptFailed.run({ accountId });
      return q.decryptFailures.get({ accountId })?.n ?? 0;
    },

    markRemoved(accountId: number, now: string): void {
      q.removed.run({ accountId, now });
    },

    /** Deletes an account that never linked and has no conversation (a cancelled link). */
    deleteIfUnused(accountId: number): boolean {
      const used = q.conversationCount.get({ accountId });
      if ((used?.n ?? 0) > 0) return false;
      return accounts.remove(accountId, 'whatsapp');
    },

    setPolicy(accountId: number, patch: PolicyPatch): AnswerPolicy {
      ensure(accountId);
      const current = policy(accountId);
      q.policySet.run({
        accountId,
        mode: patch.mode ?? current.mode,
        groups: JSON.stringify(patch.groups ?? current.groups),
        catchUpMaxHours: patch.catchUpMaxHours ?? current.catchUpMaxHours,
        historySync: (patch.historySync ?? current.historySync) ? 1 : 0,
      });
      return policy(accountId);
    },

    setExcluded(accountId: number, contacts: ExcludedContact[]): AnswerPolicy {
      sqlite.transaction(() => {
        q.excludedClear.run({ accountId });
        for (const c of contacts) q.excludedAdd.run({ accountId, jid: c.jid, name: c.name });
      })();
      return policy(accountId);
    },

    isExcluded(accountId: number, jid: string): boolean {
      return Boolean(q.isExcluded.get({ accountId, jid }));
    },

    /** Contacts from the phone's sync. `saved` = the seller stored the number in the address book. */
    upsertContacts(accountId: number, contacts: { jid: string; name: string | null; notify: string | null }[]): void {
      if (contacts.length === 0) return;
      sqlite.transaction(() => {
        for (const c of contacts) q.contactUpsert.run({ accountId, jid: c.jid, name: c.name, notify: c.notify, saved: c.name ? 1 : 0 });
      })();
    },

    isSavedContact(accountId: number, jid: string): boolean {
      return Boolean(q.isSaved.get({ accountId, jid }));
    },

    listContacts(accountId: number, query?: string): WaContact[] {
      const like = `%${(query ?? '').replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      return q.contacts.all({ accountId, like }).map((r) => ({ jid: r.jid, name: r.name, saved: r.saved === 1 }));
    },

    saveSent(accountId: number, messageId: string, remoteJid: string, content: Uint8Array, now: string): void {
      q.sentSave.run({ accountId, messageId, remoteJid, content: Buffer.from(content), now });
    },

    getSent(accountId: number, messageId: string): Buffer | undefined {
      return q.sentGet.get({ accountId, messageId })?.content;
    },

    pruneSent(before: string): number {
      return q.sentPrune.run({ before }).changes;
    },

    /** Messages in and out on this number since `since` (ISO), for the Connect page. */
    countsSince(accountId: number, since: string): { received: number; sent: number } {
      const rows = q.countsSince.all({ accountId, since });
      return { received: rows.find((r) => r.direction === 'in')?.n ?? 0, sent: rows.find((r) => r.direction === 'out')?.n ?? 0 };
    },
  };
}
export type WaRepo = ReturnType<typeof makeWaRepo>;
