import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { ensurePrivateFile } from '../host';

const LOCK_FILE = 'souqbot.lock';
const LOCK_INFO_FILE = 'souqbot.lock.json';

/** Who holds the folder: shown to the second process so the seller knows where the first one is. */
export interface LockInfo {
  pid: number;
  startedAt: string;
  /** The headless server's address (no token), once it listens. */
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo | null,
  ) {
    const where = holder ? ` (process ${holder.pid}${holder.url ? `, ${holder.url}` : ''})` : '';
    super(`Souqbot is already running on this data folder: ${dataDir}${where}. Close it first, or start this one with another --data-dir.`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** Adds what the second process should be told (the server's address). */
  describe(extra: Partial<LockInfo>): void;
  release(): void;
}

function readInfo(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * One core per data folder, across processes: the headless server and the desktop app share the
 * default folder and would otherwise both run the same WhatsApp credentials. The lock is an
 * exclusive SQLite transaction held open on a small file: the OS drops it when the process dies
 * (kill -9 included), so a crash never leaves a stale lock and a reused pid cannot fake one. The
 * JSON beside it only tells the second process who holds the lock.
 */
export function lockDataDir(dataDir: string, now: () => Date = () => new Date()): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
  const infoFile = path.join(dataDir, LOCK_INFO_FILE);
  ensurePrivateFile(file);
  const db = new SQLite(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DataDirLockedError(dataDir, readInfo(infoFile));
    throw err;
  }
  let info: LockInfo = { pid: process.pid, startedAt: now().toISOString() };
  const write = () => fs.writeFileSync(infoFile, JSON.stringify(info), { mode: 0o600 });
  write();
  let released = false;
  return {
    describe(extra) {
      info = { ...info, ...extra };
      write();
    },
    release() {
      if (released) return;
      released = true;
      fs.rmSync(infoFile, { force: true });
      if (db.open) db.close(); // ends the transaction and drops the lock
    },
  };
}
