import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../ports';

/**
 * Headless secret store: one JSON file, mode 0600, in the data directory. Electron replaces it
 * with one backed by safeStorage. Writes go through a temp file + rename so a crash never
 * leaves half a file.
 */
export function makeFileSecretStore(dataDir: string, fileName = 'secrets.json'): SecretStore {
  const file = path.join(dataDir, fileName);
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
  };
  const write = (all: Record<string, string>) => {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    fs.renameSync(tmp, file);
  };
  return {
    async get(name) {
      return read()[name] ?? null;
    },
    async set(name, value) {
      write({ ...read(), [name]: value });
    },
    async delete(name) {
      const all = read();
      delete all[name];
      write(all);
    },
  };
}
