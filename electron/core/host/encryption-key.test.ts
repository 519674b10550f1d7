import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, loadOrCreateKeyFile, resolveEncryptionKey } from './encryption-key';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('WhatsApp encryption key', () => {
  it('creates a 32-byte key in a 0600 file once and reads the same key back', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-key-'));
    const first = loadOrCreateKeyFile(dir);
    expect(first).toHaveLength(32);
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(dir).equals(first)).toBe(true);
  });

  it('puts a key file readable by others back to 0600, and rejects a damaged one', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-key-'));
    loadOrCreateKeyFile(dir);
    fs.chmodSync(path.join(dir, KEY_FILE), 0o644);
    loadOrCreateKeyFile(dir);
    expect(fs.statSync(path.join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    fs.writeFileSync(path.join(dir, KEY_FILE), 'short');
    expect(() => loadOrCreateKeyFile(dir)).toThrow(/32-byte/);
  });

  it('prefers the key the shell provides and writes no file then', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-key-'));
    const provided = Buffer.alloc(32, 5);
    expect(resolveEncryptionKey({ provided, dataDir: dir }).equals(provided)).toBe(true);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(() => resolveEncryptionKey({ provided: Buffer.alloc(16), dataDir: dir })).toThrow();
  });
});
