import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { KEY_FILE } from '../../host';
import { type WrappedKey, unwrapKey, wrapKey } from './key-wrap';

/**
 * A backup is a folder `souqbot-backup-<UTC time>` in a place the seller picks: the database copied with SQLite's
 * online backup API (consistent while the bot keeps answering), the media folder, the data key sealed with the
 * seller's passphrase, and a manifest with the database's SHA-256 so a damaged copy is refused at restore.
 */
const DATABASE_FILE = 'souqbot.sqlite';
const MANIFEST = 'manifest.json';
const PREFIX = 'souqbot-backup-';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  appVersion: string;
  databaseSha256: string;
  key: WrappedKey;
}

export interface BackupOptions {
  /** The open database, copied with SQLite's online backup (no need to stop core). */
  sqlite: SQLite.Database;
  /** The data folder whose media, keys and secrets go into the backup. */
  dataDir: string;
  /** The key that seals WhatsApp credentials and secrets in this data folder. */
  key: Buffer;
  /** The folder the backup file is written to (the seller's choice, e.g. a USB stick). */
  destDir: string;
  /** Seals the backup; without it the backup cannot be opened. */
  passphrase: string;
  /** How many backups to keep in destDir; older ones are deleted after a successful backup. */
  keep: number;
  /** Names the backup file and stamps its manifest. */
  now: Date;
  /** Written into the manifest. */
  appVersion: string;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

export async function runBackup(opts: BackupOptions): Promise<{ folder: string; bytes: number }> {
  if (opts.passphrase.length < 8) throw new Error('Choose a passphrase of at least 8 characters: it opens the backup on a new computer.');
  fs.mkdirSync(opts.destDir, { recursive: true });
  const base = path.join(opts.destDir, `${PREFIX}${stamp(opts.now)}`);
  // Two backups in one second (the daily job, then "Back up now") each get their own folder.
  let folder = base;
  for (let n = 2; fs.existsSync(folder) || fs.existsSync(`${folder}.partial`); n += 1) folder = `${base}-${n}`;
  const partial = `${folder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { mode: 0o700 });
  const db = path.join(partial, DATABASE_FILE);
  await opts.sqlite.backup(db);
  const media = path.join(opts.dataDir, 'media');
  if (fs.existsSync(media)) fs.cpSync(media, path.join(partial, 'media'), { recursive: true });
  const manifest: BackupManifest = {
    format: 1,
    createdAt: opts.now.toISOString(),
    appVersion: opts.appVersion,
    databaseSha256: sha256(db),
    key: wrapKey(opts.key, opts.passphrase),
  };
  fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  // Only a complete backup gets the final name, so a crash mid-copy never leaves a folder that looks restorable.
  const bytes = fs.statSync(db).size;
  fs.renameSync(partial, folder);
  prune(opts.destDir, opts.keep);
  return { folder, bytes };
}

/** Backups in a folder, newest first. */
export function listBackups(destDir: string): string[] {
  if (!fs.existsSync(destDir)) return [];
  return fs
    .readdirSync(destDir)
    .filter((name) => name.startsWith(PREFIX) && !name.endsWith('.partial') && fs.existsSync(path.join(destDir, name, MANIFEST)))
    .sort()
    .reverse()
    .map((name) => path.join(destDir, name));
}

function prune(destDir: string, keep: number): void {
  for (const old of listBackups(destDir).slice(Math.max(1, keep))) fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Restores a backup into a data folder that holds no shop yet (a new computer, or after a wipe): database, media and
 * the data key (written as the 0600 key file; the desktop app adopts it into the OS keychain on its next start).
 */
export function restoreBackup(opts: { backupDir: string; dataDir: string; passphrase: string }): { createdAt: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(opts.backupDir, MANIFEST), 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new Error('This backup was made by a newer Souqbot; update Souqbot to restore it.');
  const source = path.join(opts.backupDir, DATABASE_FILE);
  if (sha256(source) !== manifest.databaseSha256)
    throw new Error('This backup is damaged: its database does not match the checksum it was saved with.');
  const key = unwrapKey(manifest.key, opts.passphrase);
  const target = path.join(opts.dataDir, DATABASE_FILE);
  if (fs.existsSync(target)) throw new Error(`${opts.dataDir} already holds a Souqbot database; restore into a new folder.`);
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o600);
  const media = path.join(opts.backupDir, 'media');
  if (fs.existsSync(media)) fs.cpSync(media, path.join(opts.dataDir, 'media'), { recursive: true });
  fs.writeFileSync(path.join(opts.dataDir, KEY_FILE), key.toString('base64'), { mode: 0o600 });
  return { createdAt: manifest.createdAt };
}
