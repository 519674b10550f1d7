import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../create-core';
import { option, defaultDataDir, KEY_FILE, loadOrCreateKeyFile } from '../host';
import { restoreBackup, runBackup } from '../store';
import { openDatabase } from '../database';
import { APP_VERSION } from '../version';
import { type CliIo, UsageError } from './io';

const passphraseOf = (env: NodeJS.ProcessEnv) => {
  const passphrase = env.SOUQ_BACKUP_PASSPHRASE;
  if (!passphrase) throw new UsageError('Set SOUQ_BACKUP_PASSPHRASE to the passphrase that seals the backup (it is needed to restore it).');
  return passphrase;
};

/**
 * `backup --to DIR [--keep N] [--data-dir DIR]`: a consistent copy while the server runs (SQLite's online backup).
 * The data folder's own key file is sealed into it; the desktop app's keychain key is not reachable from here.
 */
export async function backupCommand(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const to = option(argv, 'to');
  if (!to) throw new UsageError('Usage: souqbot backup --to FOLDER [--keep N] [--data-dir DIR]');
  const keep = Number(option(argv, 'keep') ?? 7);
  if (!Number.isInteger(keep) || keep < 1)
    throw new UsageError(`--keep takes a whole number of backups to keep, not "${option(argv, 'keep')}".`);
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) throw new UsageError(`There is no Souqbot data in ${dataDir}.`);
  if (!fs.existsSync(path.join(dataDir, KEY_FILE)))
    throw new UsageError(`${dataDir} has no ${KEY_FILE}: its key is in the desktop app's keychain; back it up from the app.`);
  const passphrase = passphraseOf(env);
  const store = await openDatabase({ file: path.join(dataDir, DATABASE_FILE) });
  try {
    const result = await runBackup({
      sqlite: store.sqlite,
      dataDir,
      key: loadOrCreateKeyFile(dataDir),
      destDir: path.resolve(to),
      passphrase,
      keep,
      now: new Date(),
      appVersion: APP_VERSION,
    });
    io.stdout(`Backup written: ${result.folder} (database ${(result.bytes / 1e6).toFixed(1)} MB).`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `restore --from BACKUP_FOLDER --data-dir NEW_DIR`: into a folder without a shop. */
export async function restoreCommand(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const from = option(argv, 'from');
  const dataDir = option(argv, 'data-dir', 'SOUQ_DATA_DIR');
  if (!from || !dataDir) throw new UsageError('Usage: souqbot restore --from BACKUP_FOLDER --data-dir NEW_FOLDER');
  const { createdAt } = restoreBackup({ backupDir: path.resolve(from), dataDir: path.resolve(dataDir), passphrase: passphraseOf(env) });
  io.stdout(`Restored the backup of ${createdAt} into ${path.resolve(dataDir)}. Start Souqbot with --data-dir ${path.resolve(dataDir)}.`);
  return 0;
}
