import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BufferJSON, proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';
import { hasLinkedCreds, makeSqliteAuthState } from './auth-store';
import { makeCryptoBox } from '../../host/crypto-box';

const KEY = Buffer.alloc(32, 42);
let dir = '';
let store: Store | null = null;

afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open() {
  dir ||= fs.mkdtempSync(path.join(os.tmpdir(), 'souq-wa-auth-'));
  store = await openDatabase({ file: path.join(dir, 'souqbot.sqlite') });
  store.sqlite.prepare(`INSERT OR IGNORE INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', '2026-01-01')`).run();
  store.sqlite
    .prepare(
      `INSERT OR IGNORE INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'whatsapp', 'WA', 'disconnected', '2026-01-01')`,
    )
    .run();
  return store;
}

const makeState = (s: Store, key = KEY) =>
  makeSqliteAuthState({ sqlite: s.sqlite, accountId: 1, box: makeCryptoBox(key), now: () => '2026-11-23T00:00:00Z' });

describe('SQLite auth state', () => {
  it('persists creds and every keys.set across a restart, and reads app-state keys back as protobufs', async () => {
    const first = makeState(await open());
    first.state.creds.me = { id: '213555000111:7@s.whatsapp.net', name: 'Boutique' };
    first.state.creds.account = proto.ADVSignedDeviceIdentity.fromObject({
      details: Buffer.from('d'),
      accountSignatureKey: Buffer.alloc(32, 1),
    });
    first.saveCreds();
    const session = Buffer.from('session-record-bytes');
    await first.state.keys.set({
      session: { '213555000999.0': session },
      'pre-key': { '1': { public: Buffer.alloc(32, 2), private: Buffer.alloc(32, 3) } },
      'app-state-sync-key': { AAAA: proto.Message.AppStateSyncKeyData.fromObject({ keyData: Buffer.alloc(32, 9), timestamp: 5 }) },
      'lid-mapping': { '213555000999': '99887766' },
    });
    const noiseKey = Buffer.from(first.state.creds.noiseKey.private);
    await store?.close();
    store = null;

    const second = makeState(await open());
    expect(second.registered).toBe(true);
    expect(second.state.creds.me?.id).toBe('213555000111:7@s.whatsapp.net');
    expect(Buffer.from(second.state.creds.noiseKey.private).equals(noiseKey)).toBe(true);
    const sessions = await second.state.keys.get('session', ['213555000999.0', 'missing']);
    expect(Buffer.from(sessions['213555000999.0'] ?? []).toString()).toBe('session-record-bytes');
    expect(sessions.missing).toBeUndefined();
    const appKeys = await second.state.keys.get('app-state-sync-key', ['AAAA']);
    expect(appKeys.AAAA).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect((await second.state.keys.get('lid-mapping', ['213555000999']))['213555000999']).toBe('99887766');

    // null deletes
    await second.state.keys.set({ session: { '213555000999.0': null } });
    expect((await second.state.keys.get('session', ['213555000999.0']))['213555000999.0']).toBeUndefined();
  });

  it('leaves no credential or key id in clear in the database files', async () => {
    const s = await open();
    const auth = makeState(s);
    auth.state.creds.me = { id: '213555000111:7@s.whatsapp.net', name: 'Boutique' };
    auth.saveCreds();
    await auth.state.keys.set({ session: { '213777123456.0': Buffer.from('ratchet') }, 'lid-mapping': { '213777123456': '55554444' } });
    const secrets = [
      Buffer.from(auth.state.creds.noiseKey.private),
      Buffer.from(auth.state.creds.signedIdentityKey.private),
      Buffer.from(auth.state.creds.advSecretKey),
      Buffer.from(Buffer.from(auth.state.creds.noiseKey.private).toString('base64')),
      Buffer.from(JSON.stringify(auth.state.creds.noiseKey, BufferJSON.replacer)),
      Buffer.from('advSecretKey'),
      Buffer.from('213555000111'),
      Buffer.from('213777123456'),
      Buffer.from('ratchet'),
    ];
    s.sqlite.pragma('wal_checkpoint(FULL)');
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('souqbot.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(dir, file));
      for (const secret of secrets) expect(bytes.includes(secret), `${file} contains ${secret.toString('utf8').slice(0, 20)}`).toBe(false);
    }
  });

  it('refuses to open creds with another key, and clear() forgets everything', async () => {
    const s = await open();
    const auth = makeState(s);
    auth.saveCreds();
    await auth.state.keys.set({ 'sender-key': { g1: Buffer.from('x') } });
    expect(() => makeState(s, Buffer.alloc(32, 1))).toThrow();
    expect(hasLinkedCreds({ sqlite: s.sqlite, accountId: 1, box: makeCryptoBox(KEY) })).toBe(false);
    auth.clear();
    expect(s.sqlite.prepare('SELECT COUNT(*) AS n FROM wa_auth_keys').get()).toEqual({ n: 0 });
    expect(s.sqlite.prepare('SELECT COUNT(*) AS n FROM wa_auth_creds').get()).toEqual({ n: 0 });
  });

  it('binds each sealed row to its place: a row copied onto another id does not open', async () => {
    const s = await open();
    const auth = makeState(s);
    await auth.state.keys.set({ session: { a: Buffer.from('A'), b: Buffer.from('B') } });
    const rows = s.sqlite.prepare('SELECT key_digest, value FROM wa_auth_keys ORDER BY key_digest').all() as {
      key_digest: string;
      value: Buffer;
    }[];
    expect(rows).toHaveLength(2);
    s.sqlite.prepare('UPDATE wa_auth_keys SET value = ? WHERE key_digest = ?').run(rows[0]?.value, rows[1]?.key_digest);
    await expect(async () => auth.state.keys.get('session', ['a', 'b'])).rejects.toThrow();
  });
});
