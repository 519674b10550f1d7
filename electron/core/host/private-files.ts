import fs from 'node:fs';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
const windows = process.platform === 'win32';

/**
 * The data folder holds every customer's messages and the shop's keys: only the seller's own OS
 * user may read it. Creates it 0700, and puts back to 0700 a folder left readable by others (an
 * older version, a restored backup). Windows has no mode bits; its per-user profile folder guards it.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (windows) return;
  if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR) fs.chmodSync(dir, PRIVATE_DIR);
}

/**
 * Creates the file empty with 0600 if missing, else tightens it to 0600. SQLite creates the -wal
 * and -shm files with the database file's own mode, so doing this before opening covers them.
 */
export function ensurePrivateFile(file: string): void {
  if (windows) return;
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE));
  if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE) fs.chmodSync(file, PRIVATE_FILE);
}

/** Tightens whatever already exists among these files (the WAL of an older run, a log). */
export function tightenExisting(files: readonly string[]): void {
  if (windows) return;
  for (const file of files) {
    try {
      if ((fs.statSync(file).mode & 0o777) !== PRIVATE_FILE) fs.chmodSync(file, PRIVATE_FILE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/** The database and its WAL/SHM companions. */
export const databaseFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
