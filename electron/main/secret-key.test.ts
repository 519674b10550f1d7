import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SafeStorageLike, WRAPPED_KEY_FILE, loadOrCreateEncryptionKey } from './secret-key';

/** A keychain double: "encrypts" by reversing and tagging, so a test can see the file is not the key. */
function fakeKeychain(options: { available?: boolean; backend?: string; broken?: boolean } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain) => Buffer.from(`v10:${[...plain].reverse().join('')}`),
    decryptString: (encrypted) => {
      if (options.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...encrypted.toString().slice(4)].reverse().join('');
    },
  };
}

const dirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateEncryptionKey', () => {
  it('makes a 32-byte key once, stores it only wrapped (0600), and unwraps the same key later', () => {
    const dir = tmp();
    const first = loadOrCreateEncryptionKey(fakeKeychain(), dir, 'linux');
    expect(first.warning).toBeUndefined();
    expect(Buffer.from(first.key!, 'base64')).toHaveLength(32);
    const file = path.join(dir, WRAPPED_KEY_FILE);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(first.key!);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateEncryptionKey(fakeKeychain(), dir, 'linux').key).toBe(first.key);
    expect(loadOrCreateEncryptionKey(fakeKeychain(), tmp(), 'linux').key).not.toBe(first.key);
  });

  it("leaves the key to core's 0600 file when Linux has no real keyring (basic_text) or no keychain at all", () => {
    const dir = tmp();
    const basic = loadOrCreateEncryptionKey(fakeKeychain({ backend: 'basic_text' }), dir, 'linux');
    expect(basic.key).toBeUndefined();
    expect(basic.warning).toMatch(/keyring/);
    const none = loadOrCreateEncryptionKey(fakeKeychain({ available: false }), dir, 'darwin');
    expect(none.key).toBeUndefined();
    expect(none.warning).toMatch(/keychain/);
    expect(fs.existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);
    // basic_text is a Linux notion; elsewhere the backend is not consulted.
    expect(loadOrCreateEncryptionKey(fakeKeychain({ backend: 'basic_text' }), dir, 'win32').key).toBeDefined();
  });

  it("adopts a data folder's existing key file (made headless, or restored from a backup) into the keychain", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-key-'));
    const existing = Buffer.alloc(32, 7).toString('base64');
    fs.writeFileSync(path.join(dir, 'whatsapp.key'), existing, { mode: 0o600 });
    const storage = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(`sealed:${s}`),
      decryptString: (b: Buffer) => b.toString().replace('sealed:', ''),
    };
    expect(loadOrCreateEncryptionKey(storage, dir, 'darwin')).toEqual({ key: existing });
    expect(fs.existsSync(path.join(dir, 'whatsapp.key'))).toBe(false);
    expect(loadOrCreateEncryptionKey(storage, dir, 'darwin')).toEqual({ key: existing });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a wrapped key it cannot unwrap instead of replacing it', () => {
    const dir = tmp();
    loadOrCreateEncryptionKey(fakeKeychain(), dir, 'linux');
    const before = fs.readFileSync(path.join(dir, WRAPPED_KEY_FILE));
    const result = loadOrCreateEncryptionKey(fakeKeychain({ broken: true }), dir, 'linux');
    expect(result.key).toBeUndefined();
    expect(result.warning).toMatch(/could not unwrap/);
    expect(fs.readFileSync(path.join(dir, WRAPPED_KEY_FILE))).toEqual(before);
  });
});
