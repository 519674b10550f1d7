import fs from 'node:fs';
import path from 'node:path';
import { redact } from './redact';

export interface DiagnosticsInput {
  dataDir: string;
  now: Date;
  /** Facts about the running core (version, schema). */
  info: unknown;
  /** Each shop's settings (the API key is never part of them; redacted again all the same). */
  shops: { shopId: number; settings: unknown }[];
  desktopPrefs: unknown;
  jobs: unknown;
  /** Secret values to strip wherever they appear: LLM keys, the backup passphrase. */
  knownSecrets: string[];
}

/** The tail of each log file: the last 2 MB say what went wrong recently, and keep the zip small enough to mail. */
const LOG_TAIL_BYTES = 2 * 1024 * 1024;
const KEEP_ZIPS = 5;
const DIAGNOSTICS_DIR = 'diagnostics';

function tail(file: string): string {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const length = Math.min(size, LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // A cut line at the start is dropped rather than half-redacted.
    return size > length ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    fs.closeSync(fd);
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The zip a seller sends with a problem report: core's logs and the settings, every file passed through redact().
 * Only files made here go in: never the database, the key file, the sealed secrets or WhatsApp's session.
 * fflate loads here, when a seller exports diagnostics, not at core's start.
 */
export async function buildDiagnostics(input: DiagnosticsInput): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const clean = (text: string) => strToU8(redact(text, input.knownSecrets));
  const files: Record<string, Uint8Array> = {
    'README.txt': clean(
      `Souqbot diagnostics, ${input.now.toISOString()}.\nLogs and settings with secrets (API keys, tokens, passphrases, WhatsApp credentials) removed.\n`,
    ),
    'info.json': clean(json(input.info)),
    'desktop-prefs.json': clean(json(input.desktopPrefs)),
    'jobs.json': clean(json(input.jobs)),
  };
  for (const shop of input.shops) files[`settings/shop-${shop.shopId}.json`] = clean(json(shop.settings));
  const logs = path.join(input.dataDir, 'logs');
  if (fs.existsSync(logs))
    for (const name of fs
      .readdirSync(logs)
      .filter((n) => /\.log(\.\d+)?$|^core\.\d+\.log$/.test(n))
      .sort())
      files[`logs/${name}`] = clean(tail(path.join(logs, name)));
  return zipSync(files, { level: 6, mtime: input.now });
}

/** Saves the zip in the data folder (the newest few are kept) and returns where. */
export function saveDiagnostics(dataDir: string, zip: Uint8Array, now: Date): { fileName: string; savedTo: string } {
  const dir = path.join(dataDir, DIAGNOSTICS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileName = `souqbot-diagnostics-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.zip`;
  const savedTo = path.join(dir, fileName);
  fs.writeFileSync(savedTo, zip, { mode: 0o600 });
  const old = fs
    .readdirSync(dir)
    .filter((n) => n.startsWith('souqbot-diagnostics-'))
    .sort()
    .reverse()
    .slice(KEEP_ZIPS);
  for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
  return { fileName, savedTo };
}
