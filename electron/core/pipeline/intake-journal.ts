import nodeFs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../ports';

/**
 * Why this exists: Baileys sends WhatsApp's delivery receipt for a message *before* it emits
 * `messages.upsert` (7.0.0-rc14, `Socket/messages-recv.js` handleMessage: `sendReceipt` then
 * `upsertMessage`), so the server never redelivers a message core saw. When SQLite cannot store it
 * (disk full, I/O error) the message must still survive a kill: it is appended here, fsync'd,
 * before `accept` returns, and replayed into the store on the next start or when space returns.
 *
 * A truly full disk would refuse this append too, so a reserve file of a few MB is written while
 * there is space and deleted on the first ENOSPC: the freed blocks take the journal lines.
 */

export const JOURNAL_DIR = 'intake';
export const JOURNAL_FILE = 'held-messages.jsonl';
const RESERVE_FILE = 'reserve.bin';
/** ~2,000 long messages: far more than a seller gets while freeing space. */
const DEFAULT_RESERVE_BYTES = 8 * 1024 * 1024;

/** The few fs calls the journal makes; tests inject a disk that runs out of space. */
export type JournalFs = Pick<
  typeof nodeFs,
  | 'mkdirSync'
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'fstatSync'
  | 'ftruncateSync'
  | 'readFileSync'
  | 'rmSync'
  | 'statSync'
  | 'existsSync'
>;

export interface IntakeJournal<M> {
  /** Appends one held message durably; throws when even the reserve could not make room. */
  append(message: M): void;
  /** Messages held by a previous run (or this one), oldest first; a torn last line is skipped. */
  pending(): M[];
  /** Every held message is in the store: forget them and put the reserve back. */
  clear(): void;
  /** Writes the reserve when it is missing (best effort: a disk without room keeps trying later). */
  ensureReserve(): void;
  readonly file: string;
  readonly reserveFile: string;
}

const isNoSpace = (err: unknown): boolean => {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
};

export function makeIntakeJournal<M>(opts: {
  dataDir: string;
  logger: Logger;
  /** Checks a line read back (JSON-parsed): the message, or null for anything else. */
  parse(value: unknown): M | null;
  reserveBytes?: number;
  fs?: JournalFs;
}): IntakeJournal<M> {
  const fs = opts.fs ?? nodeFs;
  const dir = path.join(opts.dataDir, JOURNAL_DIR);
  const file = path.join(dir, JOURNAL_FILE);
  const reserveFile = path.join(dir, RESERVE_FILE);
  const reserveBytes = opts.reserveBytes ?? DEFAULT_RESERVE_BYTES;

  const ensureDir = () => fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  /** The directory entry of a new file must reach the disk too, or a crash can forget the file. */
  const syncDir = () => {
    if (process.platform === 'win32') return;
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  };

  const writeLine = (line: string) => {
    ensureDir();
    const existed = fs.existsSync(file);
    const fd = fs.openSync(file, 'a', 0o600);
    const before = fs.fstatSync(fd).size;
    try {
      fs.writeSync(fd, line);
      fs.fsyncSync(fd);
    } catch (err) {
      // A short write would glue half a line to the next one: cut it off before retrying.
      fs.ftruncateSync(fd, before);
      throw err;
    } finally {
      fs.closeSync(fd);
    }
    if (!existed) syncDir();
  };

  const releaseReserve = (): boolean => {
    if (!fs.existsSync(reserveFile)) return false;
    fs.rmSync(reserveFile, { force: true });
    opts.logger.warn({ file: reserveFile }, 'disk full: released the intake reserve to journal held messages');
    return true;
  };

  return {
    file,
    reserveFile,
    append(message) {
      const line = `${JSON.stringify(message)}\n`;
      try {
        writeLine(line);
      } catch (err) {
        if (!isNoSpace(err) || !releaseReserve()) throw err;
        writeLine(line);
      }
    },
    pending() {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const out: M[] = [];
      for (const line of text.split('\n')) {
        if (!line) continue;
        let message: M | null;
        try {
          message = opts.parse(JSON.parse(line));
        } catch {
          message = null;
        }
        // Each append is fsync'd whole, so only a line torn by a power cut can be unreadable.
        if (message) out.push(message);
        else opts.logger.warn({ file }, 'skipped an unreadable line of the held-messages journal');
      }
      return out;
    },
    clear() {
      fs.rmSync(file, { force: true });
      this.ensureReserve();
    },
    ensureReserve() {
      try {
        if (fs.existsSync(reserveFile) && fs.statSync(reserveFile).size >= reserveBytes) return;
        ensureDir();
        // Real zeros, not a sparse file (ftruncate would allocate nothing to give back later).
        const fd = fs.openSync(reserveFile, 'w', 0o600);
        try {
          const chunk = Buffer.alloc(Math.min(reserveBytes, 1024 * 1024));
          for (let written = 0; written < reserveBytes; written += chunk.length) {
            fs.writeSync(fd, chunk, 0, Math.min(chunk.length, reserveBytes - written));
          }
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      } catch (err) {
        // A half-written reserve would look whole next time by name only; size is checked, but drop it.
        fs.rmSync(reserveFile, { force: true });
        if (!isNoSpace(err)) opts.logger.warn({ err: String(err) }, 'could not write the intake reserve');
      }
    },
  };
}
