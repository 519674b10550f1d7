import fs from 'node:fs';
import path from 'node:path';

const IDENTITY_FILE = path.join('sync', 'desktop-identity.key');

/**
 * The desktop's relay identity (one secret seed, base64url) in the data folder, readable by the
 * seller's OS user only (0700 folder, 0600 file). Written to a temp file then renamed, so a crash
 * never leaves half a key.
 */
export function makeIdentityFile(dataDir: string) {
  const file = path.join(dataDir, IDENTITY_FILE);
  const write = (secret: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.chmodSync(path.dirname(file), 0o700);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, secret, { mode: 0o600 });
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, file);
  };
  return {
    file,
    /** The stored secret, or a new one from `create` (stored before it is returned). */
    readOrCreate(create: () => string): string {
      try {
        const text = fs.readFileSync(file, 'utf8').trim();
        if (text) return text;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      const secret = create();
      write(secret);
      return secret;
    },
    replace: write,
  };
}
