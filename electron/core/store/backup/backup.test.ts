import type { Database as SqliteDatabase } from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSqliteAuthState } from '../../channels/whatsapp/auth-store';
import { makeCryptoBox } from '../../host/crypto-box';
import { loadOrCreateKeyFile } from '../../host/encryption-key';
import { call, makeTempCore } from '../../test-utils/temp-core';
import { seedConversations } from '../../test-utils/seed-conversations';
import { openDatabase } from '../../database';
import { listBackups, restoreBackup, runBackup } from './backup';
import { WrongPassphraseError } from './key-wrap';

const dirs: string[] = [];
const tmp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `souq-${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder with a shop, 30 conversations, an order, a media file and linked WhatsApp credentials. */
async function populated() {
  const { core, dataDir, cleanup } = await makeTempCore();
  const shop = await call<{ id: number }>(core, 'shops/create', { name: 'Boutique Nour', currency: 'DZD' });
  seedConversations(core.ctx.store, { shopId: shop.id, count: 30 });
  const now = '2026-12-01T10:00:00.000Z';
  core.ctx.store.sqlite
    .prepare(
      "INSERT INTO orders (shop_id, customer_name, phone, wilaya, address, currency, items_total, delivery_fee, total, created_at, updated_at) VALUES (?, 'Nour', '+213550123456', 'Oran', 'Cité 5 juillet', 'DZD', 5000, 400, 5400, ?, ?)",
    )
    .run(shop.id, now, now);
  fs.mkdirSync(path.join(dataDir, 'media'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'media', 'photo-1.jpg'), 'jpeg bytes');
  const key = loadOrCreateKeyFile(dataDir);
  const account = core.ctx.store.sqlite
    .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (?, 'whatsapp', 'Boutique', 'connected', ?)")
    .run(shop.id, now);
  const auth = makeSqliteAuthState({
    sqlite: core.ctx.store.sqlite,
    accountId: Number(account.lastInsertRowid),
    box: makeCryptoBox(key),
    now: () => now,
  });
  auth.saveCreds();
  return {
    core,
    dataDir,
    cleanup,
    key,
    accountId: Number(account.lastInsertRowid),
    noiseKey: Buffer.from(auth.state.creds.noiseKey.public).toString('hex'),
  };
}

const snapshot = (sqlite: SqliteDatabase) => ({
  conversations: sqlite.prepare('SELECT id, contact_id, last_preview FROM conversations ORDER BY id').all(),
  messages: (sqlite.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n,
  orders: sqlite.prepare('SELECT customer_name, phone, total FROM orders').all(),
});

describe('backup and restore', () => {
  it('a backup restored into a new data folder gives the same conversations, orders, media and WhatsApp credentials', async () => {
    const source = await populated();
    const dest = tmp('backups');
    const before = snapshot(source.core.ctx.store.sqlite);
    const { folder } = await runBackup({
      sqlite: source.core.ctx.store.sqlite,
      dataDir: source.dataDir,
      key: source.key,
      destDir: dest,
      passphrase: 'sel et poivre',
      keep: 3,
      now: new Date('2026-12-01T03:00:00Z'),
      appVersion: '0.1.0',
    });
    await source.cleanup();

    const fresh = path.join(tmp('new-pc'), 'Souqbot');
    restoreBackup({ backupDir: folder, dataDir: fresh, passphrase: 'sel et poivre' });
    expect(fs.statSync(path.join(fresh, 'whatsapp.key')).mode & 0o777).toBe(0o600);
    const store = await openDatabase({ file: path.join(fresh, 'souqbot.sqlite') });
    try {
      expect(snapshot(store.sqlite)).toEqual(before);
      expect(before.conversations).toHaveLength(30);
      expect(fs.readFileSync(path.join(fresh, 'media', 'photo-1.jpg'), 'utf8')).toBe('jpeg bytes');
      const key = loadOrCreateKeyFile(fresh);
      expect(key.equals(source.key)).toBe(true);
      const auth = makeSqliteAuthState({ sqlite: store.sqlite, accountId: source.accountId, box: makeCryptoBox(key), now: () => '' });
      expect(Buffer.from(auth.state.creds.noiseKey.public).toString('hex')).toBe(source.noiseKey);
    } finally {
      await store.close();
    }
  });

  it('refuses a wrong passphrase, a damaged database and a folder that already holds a shop', async () => {
    const source = await populated();
    const dest = tmp('backups');
    const { folder } = await runBackup({
      sqlite: source.core.ctx.store.sqlite,
      dataDir: source.dataDir,
      key: source.key,
      destDir: dest,
      passphrase: 'correct horse',
      keep: 3,
      now: new Date('2026-12-01T03:00:00Z'),
      appVersion: '0.1.0',
    });
    expect(() => restoreBackup({ backupDir: folder, dataDir: tmp('a'), passphrase: 'wrong horse' })).toThrow(WrongPassphraseError);
    expect(() => restoreBackup({ backupDir: folder, dataDir: source.dataDir, passphrase: 'correct horse' })).toThrow(/already holds/);
    fs.appendFileSync(path.join(folder, 'souqbot.sqlite'), 'x');
    expect(() => restoreBackup({ backupDir: folder, dataDir: tmp('b'), passphrase: 'correct horse' })).toThrow(/damaged/);
    await expect(
      runBackup({
        sqlite: source.core.ctx.store.sqlite,
        dataDir: source.dataDir,
        key: source.key,
        destDir: dest,
        passphrase: 'short',
        keep: 3,
        now: new Date(),
        appVersion: '0.1.0',
      }),
    ).rejects.toThrow(/at least 8/);
    await source.cleanup();
  });

  it('keeps the last N backups, newest first', async () => {
    const source = await populated();
    const dest = tmp('backups');
    for (let day = 1; day <= 5; day++) {
      await runBackup({
        sqlite: source.core.ctx.store.sqlite,
        dataDir: source.dataDir,
        key: source.key,
        destDir: dest,
        passphrase: 'sel et poivre',
        keep: 3,
        now: new Date(`2026-12-0${day}T03:00:00Z`),
        appVersion: '0.1.0',
      });
    }
    expect(listBackups(dest).map((f) => path.basename(f))).toEqual([
      'souqbot-backup-20261205T030000Z',
      'souqbot-backup-20261204T030000Z',
      'souqbot-backup-20261203T030000Z',
    ]);
    await source.cleanup();
  });
});
