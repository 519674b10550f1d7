import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../ports';

export const KEY_FILE = 'whatsapp.key';

/**
 * The key that encrypts WhatsApp credentials at rest when the shell did not hand one over
 * (headless mode, or Linux where safeStorage only offers the plaintext `basic_text` backend).
 * A 32-byte random key in a 0600 file beside the database: it keeps the database file alone
 * (a backup, a copied file) from exposing the session. Created atomically on first use.
 */
export function loadOrCreateKeyFile(dataDir: string, logger?: Logger): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
    tightenMode(file, logger);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, key.toString('base64'), { mode: 0o600 });
  try {
    // 'wx'-style: if another process won the race, keep its key (linking with two keys would lose creds).
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    fs.rmSync(tmp, { force: true });
    return loadOrCreateKeyFile(dataDir, logger);
  }
  fs.rmSync(tmp, { force: true });
  return key;
}

/** A key file readable by others (copied, restored from a backup) is put back to 0600. */
function tightenMode(file: string, logger?: Logger): void {
  if (process.platform === 'win32') return;
  const mode = fs.statSync(file).mode & 0o777;
  if (mode !== 0o600) {
    fs.chmodSync(file, 0o600);
    logger?.warn({ file, mode: mode.toString(8) }, 'WhatsApp key file was readable by others; mode reset to 0600');
  }
}

/** The key core uses: the shell's (Electron safeStorage, unwrapped in main) or else the key file. */
export function resolveEncryptionKey(opts: { provided?: Buffer | undefined; dataDir: string; logger?: Logger }): Buffer {
  if (opts.provided) {
    if (opts.provided.length !== 32) throw new Error('CoreConfig.encryptionKey must be 32 bytes');
    return opts.provided;
  }
  return loadOrCreateKeyFile(opts.dataDir, opts.logger);
}
