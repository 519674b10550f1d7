import fs from 'node:fs';
import path from 'node:path';
import { makeCryptoBox } from './crypto-box';
import type { Logger, SecretStore } from '../ports';

export const SEALED_SECRETS_FILE = 'secrets.sealed.json';
/** Where older versions kept the LLM key in plain JSON; moved into the sealed file on first start. */
export const LEGACY_SECRETS_FILE = 'secrets.json';

/**
 * The LLM API key (and any other secret) at rest, sealed with the same 32-byte key as the WhatsApp
 * credentials: Electron's safeStorage-wrapped key in the desktop app, the 0600 key file headless.
 * A copied data folder or backup without that key shows no secret. Each value is bound to its name
 * (AES-GCM associated data), so values cannot be swapped between names. Writes go through a temp
 * file + rename so a crash never leaves half a file.
 */
export function makeSealedSecretStore(opts: { dataDir: string; key: Buffer; logger?: Logger }): SecretStore {
  const file = path.join(opts.dataDir, SEALED_SECRETS_FILE);
  const box = makeCryptoBox(opts.key);
  const aad = (name: string) => `secret:${name}`;

  const readSealed = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
  };
  const write = (all: Record<string, string>) => {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  const seal = (name: string, value: string) => box.seal(Buffer.from(value, 'utf8'), aad(name)).toString('base64');

  migrateLegacy(
    opts.dataDir,
    (plain) => {
      const all = readSealed();
      for (const [name, value] of Object.entries(plain)) all[name] ??= seal(name, value);
      write(all);
    },
    opts.logger,
  );

  return {
    async get(name) {
      const sealed = readSealed()[name];
      if (sealed === undefined) return null;
      try {
        return box.open(Buffer.from(sealed, 'base64'), aad(name)).toString('utf8');
      } catch {
        // Another key (keychain reset, folder copied to another machine): the secret is lost, say so once.
        opts.logger?.warn({ name }, 'a stored secret could not be unsealed with this key; it must be entered again');
        return null;
      }
    },
    async set(name, value) {
      write({ ...readSealed(), [name]: seal(name, value) });
    },
    async delete(name) {
      const all = readSealed();
      delete all[name];
      write(all);
    },
  };
}

/** Seals what an older version left in plain JSON, then deletes the plain file. */
function migrateLegacy(dataDir: string, sealAll: (plain: Record<string, string>) => void, logger?: Logger): void {
  const legacy = path.join(dataDir, LEGACY_SECRETS_FILE);
  let plain: Record<string, string>;
  try {
    plain = JSON.parse(fs.readFileSync(legacy, 'utf8')) as Record<string, string>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  sealAll(plain);
  fs.rmSync(legacy, { force: true });
  logger?.info({ count: Object.keys(plain).length }, 'plain-text secrets moved into the sealed store');
}
