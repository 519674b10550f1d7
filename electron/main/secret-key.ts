import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_FILE } from '../core/host/encryption-key';

/** The part of Electron's safeStorage used here; usable only after `app.whenReady()`. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means "encrypted" with a hard-coded password, i.e. not at all. */
  getSelectedStorageBackend?(): string;
}

export interface KeyResult {
  /** Base64 of 32 random bytes, or undefined when core should keep its own 0600 key file. */
  key?: string;
  /** Why the keychain is not used; for the log. */
  warning?: string;
}

export const WRAPPED_KEY_FILE = 'keychain-key.bin';

const keychainUnusable = (storage: SafeStorageLike, platform: NodeJS.Platform): string | null => {
  if (!storage.isEncryptionAvailable()) return 'the OS keychain is not available';
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'no desktop keyring (gnome-keyring or KWallet) is running, so safeStorage would only obfuscate';
  }
  return null;
};

/**
 * The key that encrypts WhatsApp credentials at rest: 32 random bytes made on first start,
 * kept wrapped by the OS keychain in userData, unwrapped on later starts and handed to core.
 * If the keychain is missing or only pretends (Linux basic_text), core's own 0600 key file is
 * used instead: no worse than headless mode. A wrapped key that no longer unwraps (another OS
 * user, a reset keyring) is kept, not overwritten, so it can still be recovered.
 */
export function loadOrCreateEncryptionKey(
  storage: SafeStorageLike,
  userDataDir: string,
  platform: NodeJS.Platform = process.platform,
): KeyResult {
  const unusable = keychainUnusable(storage, platform);
  if (unusable) return { warning: `${unusable}; the encryption key stays in a 0600 file in the data folder` };

  const file = path.join(userDataDir, WRAPPED_KEY_FILE);
  let wrapped: Buffer | null = null;
  try {
    wrapped = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  if (wrapped) {
    try {
      const key = storage.decryptString(wrapped);
      if (Buffer.from(key, 'base64').length === 32) return { key };
      return { warning: `${file} does not hold a 32-byte key; using the key file in the data folder` };
    } catch (err) {
      return {
        warning: `the OS keychain could not unwrap ${file} (${err instanceof Error ? err.message : String(err)}); using the key file in the data folder`,
      };
    }
  }

  // A data folder that already has core's key file (made headless, or restored from a backup) keeps its key: a new
  // one would leave its WhatsApp credentials sealed with a key nobody has. The plaintext copy goes once wrapped.
  const plainFile = path.join(userDataDir, KEY_FILE);
  const adopted = readPlainKey(plainFile);
  const key = adopted ?? randomBytes(32).toString('base64');
  fs.mkdirSync(userDataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, storage.encryptString(key), { mode: 0o600 });
  fs.renameSync(tmp, file);
  if (adopted) fs.rmSync(plainFile, { force: true });
  return { key };
}

function readPlainKey(file: string): string | null {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    return Buffer.from(text, 'base64').length === 32 ? text : null;
  } catch {
    return null;
  }
}
