import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import type SQLite from 'better-sqlite3';
import type { CryptoBox } from '../../host';

export interface SqliteAuthState {
  state: AuthenticationState;
  /** Persists the current creds (call on every `creds.update`). */
  saveCreds(): void;
  /** Forgets creds and every key of the account (logged out, removed, re-link). */
  clear(): void;
  /** True once the account completed linking at least once. */
  readonly registered: boolean;
}

const encode = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, BufferJSON.replacer), 'utf8');
const decode = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8'), BufferJSON.reviver);

/**
 * Baileys' AuthenticationState in SQLite, replacing its multi-file helper (which Baileys says
 * is not for production). Creds are one sealed row; each signal key is a sealed row keyed by
 * a digest of its id. Every `keys.set` commits in one SQLite transaction before it returns, so
 * a crash never leaves a session ratchet advanced in memory but not on disk — the usual root
 * of "Bad MAC" after a restart. Synchronous better-sqlite3 keeps writes strictly ordered.
 */
export function makeSqliteAuthState(opts: {
  sqlite: SQLite.Database;
  accountId: number;
  box: CryptoBox;
  now: () => string;
}): SqliteAuthState {
  const { sqlite, accountId, box } = opts;
  const credsAad = `wa:${accountId}:creds`;
  const keyAad = (type: string, id: string) => `wa:${accountId}:${type}:${id}`;
  const digest = (type: string, id: string) => box.digest(`${accountId}\u0000${type}\u0000${id}`);

  const selectCreds = sqlite.prepare<[number], { value: Buffer }>('SELECT value FROM wa_auth_creds WHERE account_id = ?');
  const upsertCreds = sqlite.prepare(
    'INSERT INTO wa_auth_creds (account_id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const selectKey = sqlite.prepare<[number, string, string], { value: Buffer }>(
    'SELECT value FROM wa_auth_keys WHERE account_id = ? AND type = ? AND key_digest = ?',
  );
  const upsertKey = sqlite.prepare(
    'INSERT INTO wa_auth_keys (account_id, type, key_digest, value) VALUES (?, ?, ?, ?) ON CONFLICT(account_id, type, key_digest) DO UPDATE SET value = excluded.value',
  );
  const deleteKey = sqlite.prepare('DELETE FROM wa_auth_keys WHERE account_id = ? AND type = ? AND key_digest = ?');

  const loadCreds = (): AuthenticationCreds => {
    const row = selectCreds.get(accountId);
    if (!row) return initAuthCreds();
    return decode(box.open(row.value, credsAad)) as AuthenticationCreds;
  };

  const creds = loadCreds();

  const keys: SignalKeyStore = {
    get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const out: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) {
        const row = selectKey.get(accountId, type, digest(type, id));
        if (!row) continue;
        let value = decode(box.open(row.value, keyAad(type, id)));
        // Baileys expects the protobuf class here, not the plain object JSON gives back.
        if (type === 'app-state-sync-key' && value) value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
        out[id] = value as SignalDataTypeMap[T];
      }
      return out;
    },
    set(data: SignalDataSet) {
      sqlite.transaction(() => {
        for (const type of Object.keys(data) as (keyof SignalDataTypeMap)[]) {
          const entries = data[type];
          if (!entries) continue;
          for (const [id, value] of Object.entries(entries)) {
            if (value === null || value === undefined) deleteKey.run(accountId, type, digest(type, id));
            else upsertKey.run(accountId, type, digest(type, id), box.seal(encode(value), keyAad(type, id)));
          }
        }
      })();
    },
    clear() {
      sqlite.prepare('DELETE FROM wa_auth_keys WHERE account_id = ?').run(accountId);
    },
  };

  return {
    state: { creds, keys },
    saveCreds() {
      upsertCreds.run(accountId, box.seal(encode(creds), credsAad), opts.now());
    },
    clear() {
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM wa_auth_creds WHERE account_id = ?').run(accountId);
        sqlite.prepare('DELETE FROM wa_auth_keys WHERE account_id = ?').run(accountId);
      })();
    },
    get registered() {
      return Boolean(creds.registered || (creds.me?.id && creds.account));
    },
  };
}

/** Whether an account has stored creds that completed linking (without building the state). */
export function hasLinkedCreds(opts: { sqlite: SQLite.Database; accountId: number; box: CryptoBox }): boolean {
  const row = opts.sqlite.prepare<[number], { value: Buffer }>('SELECT value FROM wa_auth_creds WHERE account_id = ?').get(opts.accountId);
  if (!row) return false;
  try {
    const creds = decode(opts.box.open(row.value, `wa:${opts.accountId}:creds`)) as AuthenticationCreds;
    return Boolean(creds.registered || (creds.me?.id && creds.account));
  } catch {
    return false;
  }
}
