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
import type { CryptoBox } from '../../host';
import { type ReadableSqlite, type WritableSqlite, typedStatements } from '../../store';
import type { WhatsAppTables } from './tables';

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

/** The sealed creds row of an account (a select: the read handle can run it too). */
const credsOf = (sqlite: ReadableSqlite) =>
  typedStatements<WhatsAppTables>(sqlite).prepare((db, p: { accountId: number }) =>
    db.selectFrom('wa_auth_creds').select('value').where('account_id', '=', p.accountId),
  );

/**
 * Baileys' AuthenticationState in SQLite, replacing its multi-file helper (which Baileys says
 * is not for production). Creds are one sealed row; each signal key is a sealed row keyed by
 * a digest of its id. Every `keys.set` commits in one SQLite transaction before it returns, so
 * a crash never leaves a session ratchet advanced in memory but not on disk — the usual root
 * of "Bad MAC" after a restart. Synchronous better-sqlite3 keeps writes strictly ordered.
 */
export function makeSqliteAuthState(opts: {
  sqlite: WritableSqlite;
  accountId: number;
  box: CryptoBox;
  now: () => string;
}): SqliteAuthState {
  const { sqlite, accountId, box } = opts;
  const credsAad = `wa:${accountId}:creds`;
  const keyAad = (type: string, id: string) => `wa:${accountId}:${type}:${id}`;
  const digest = (type: string, id: string) => box.digest(`${accountId}\u0000${type}\u0000${id}`);

  const statements = typedStatements<WhatsAppTables>(sqlite);
  type Key = { accountId: number; type: string; digest: string };
  const selectCreds = credsOf(sqlite);
  const upsertCreds = statements.prepare((db, p: { accountId: number; value: Buffer; now: string }) =>
    db
      .insertInto('wa_auth_creds')
      .values({ account_id: p.accountId, value: p.value, updated_at: p.now })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
      ),
  );
  const selectKey = statements.prepare((db, p: Key) =>
    db
      .selectFrom('wa_auth_keys')
      .select('value')
      .where('account_id', '=', p.accountId)
      .where('type', '=', p.type)
      .where('key_digest', '=', p.digest),
  );
  const upsertKey = statements.prepare((db, p: Key & { value: Buffer }) =>
    db
      .insertInto('wa_auth_keys')
      .values({ account_id: p.accountId, type: p.type, key_digest: p.digest, value: p.value })
      .onConflict((oc) => oc.columns(['account_id', 'type', 'key_digest']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
  );
  const deleteKey = statements.prepare((db, p: Key) =>
    db.deleteFrom('wa_auth_keys').where('account_id', '=', p.accountId).where('type', '=', p.type).where('key_digest', '=', p.digest),
  );
  const deleteKeys = statements.prepare((db, p: { accountId: number }) =>
    db.deleteFrom('wa_auth_keys').where('account_id', '=', p.accountId),
  );
  const deleteCreds = statements.prepare((db, p: { accountId: number }) =>
    db.deleteFrom('wa_auth_creds').where('account_id', '=', p.accountId),
  );

  const loadCreds = (): AuthenticationCreds => {
    const row = selectCreds.get({ accountId });
    if (!row) return initAuthCreds();
    return decode(box.open(row.value, credsAad)) as AuthenticationCreds;
  };

  const creds = loadCreds();

  const keys: SignalKeyStore = {
    get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const out: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) {
        const row = selectKey.get({ accountId, type, digest: digest(type, id) });
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
            if (value === null || value === undefined) deleteKey.run({ accountId, type, digest: digest(type, id) });
            else upsertKey.run({ accountId, type, digest: digest(type, id), value: box.seal(encode(value), keyAad(type, id)) });
          }
        }
      })();
    },
    clear() {
      deleteKeys.run({ accountId });
    },
  };

  return {
    state: { creds, keys },
    saveCreds() {
      upsertCreds.run({ accountId, value: box.seal(encode(creds), credsAad), now: opts.now() });
    },
    clear() {
      sqlite.transaction(() => {
        deleteCreds.run({ accountId });
        deleteKeys.run({ accountId });
      })();
    },
    get registered() {
      return Boolean(creds.registered || (creds.me?.id && creds.account));
    },
  };
}

/** Whether an account has stored creds that completed linking (without building the state). */
export function hasLinkedCreds(opts: { sqlite: ReadableSqlite; accountId: number; box: CryptoBox }): boolean {
  const row = credsOf(opts.sqlite).get({ accountId: opts.accountId });
  if (!row) return false;
  try {
    const creds = decode(opts.box.open(row.value, `wa:${opts.accountId}:creds`)) as AuthenticationCreds;
    return Boolean(creds.registered || (creds.me?.id && creds.account));
  } catch {
    return false;
  }
}
