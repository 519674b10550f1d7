import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NormalizedInbound } from '../channels/types';
import { silentLogger } from '../ports';
import { parseHeldMessage } from './intake-guard';
import { type JournalFs, makeIntakeJournal as makeJournal } from './intake-journal';

const makeIntakeJournal = (opts: Omit<Parameters<typeof makeJournal>[0], 'parse'>) => makeJournal({ ...opts, parse: parseHeldMessage });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-journal-'));
  dirs.push(dir);
  return dir;
};

const message = (id: string): NormalizedInbound => ({
  accountId: 3,
  channelMessageId: id,
  from: '213550000001@s.whatsapp.net',
  kind: 'text',
  text: `salam ${id} — الروب السوداء`,
  at: '2026-12-01T10:00:00.000Z',
});

/** A disk with `free` bytes left: writes past it fail with ENOSPC after a short write, as a real one does. */
function fullDisk(free: number): JournalFs & { free: number } {
  const disk = {
    ...fs,
    free,
    writeSync(fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const length = typeof rest[1] === 'number' ? rest[1] : bytes.length;
      if (length > disk.free) {
        // The part that fitted is written, then the disk says no.
        fs.writeSync(fd, bytes.subarray(0, disk.free));
        disk.free = 0;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      disk.free -= length;
      return typeof data === 'string' ? fs.writeSync(fd, data) : fs.writeSync(fd, bytes.subarray(0, length));
    },
    rmSync(target: fs.PathLike, options?: fs.RmOptions): void {
      const size = fs.existsSync(target) ? fs.statSync(target).size : 0;
      fs.rmSync(target, options);
      disk.free += size;
    },
  };
  return disk as JournalFs & { free: number };
}

describe('the held-messages journal', () => {
  it('keeps appended messages across a new journal on the same folder (a restart), in order, private', () => {
    const dataDir = tempDir();
    const first = makeIntakeJournal({ dataDir, logger: silentLogger, reserveBytes: 4096 });
    first.append(message('A'));
    first.append(message('B'));
    const again = makeIntakeJournal({ dataDir, logger: silentLogger, reserveBytes: 4096 });
    expect(again.pending()).toEqual([message('A'), message('B')]);
    if (process.platform !== 'win32') expect(fs.statSync(again.file).mode & 0o777).toBe(0o600);
    again.clear();
    expect(again.pending()).toEqual([]);
    expect(fs.statSync(again.reserveFile).size).toBe(4096);
  });

  it('skips a line torn by a power cut and anything that is not a message', () => {
    const dataDir = tempDir();
    const journal = makeIntakeJournal({ dataDir, logger: silentLogger });
    journal.append(message('A'));
    fs.appendFileSync(journal.file, '{"accountId":3,"channelMessageId":"x"}\n{"accountId":3,"chann');
    expect(journal.pending().map((m) => m.channelMessageId)).toEqual(['A']);
  });

  it('on a full disk, releases the reserve and journals in the space it gave back', () => {
    const dataDir = tempDir();
    const disk = fullDisk(10_000);
    const journal = makeIntakeJournal({ dataDir, logger: silentLogger, reserveBytes: 8_000, fs: disk });
    journal.ensureReserve();
    expect(fs.statSync(journal.reserveFile).size).toBe(8_000);
    journal.append(message('A'));
    // The disk fills up (another program): the next append meets ENOSPC halfway through its line.
    disk.free = 20;
    journal.append(message('B'));
    expect(fs.existsSync(journal.reserveFile)).toBe(false);
    // The short write was cut off, so B is whole and A untouched.
    expect(journal.pending().map((m) => m.channelMessageId)).toEqual(['A', 'B']);
    // With no reserve left, a full disk is reported to the caller (it keeps the message in memory).
    disk.free = 0;
    expect(() => journal.append(message('C'))).toThrow(/ENOSPC/);
    expect(journal.pending().map((m) => m.channelMessageId)).toEqual(['A', 'B']);
  });

  it('a reserve that cannot be written whole is not left half-written', () => {
    const dataDir = tempDir();
    const journal = makeIntakeJournal({ dataDir, logger: silentLogger, reserveBytes: 8_000, fs: fullDisk(3_000) });
    journal.ensureReserve();
    expect(fs.existsSync(journal.reserveFile)).toBe(false);
  });
});
