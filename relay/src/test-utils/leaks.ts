// The check behind "the relay stores no plaintext": search raw bytes (its SQLite file and WAL, a heap snapshot) for
// each needle, as UTF-8 and as UTF-16 (V8 keeps some strings two bytes a character).
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export interface Leak {
  file: string;
  needle: string;
}

export function findPlaintext(files: readonly string[], needles: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) leaks.push({ file, needle });
    }
  }
  return leaks;
}

/**
 * Copy every readable mapping of a running process (from /proc/<pid>/maps and /proc/<pid>/mem) into one file: native
 * memory too (SQLite's page cache, socket buffers), which a V8 heap snapshot does not show. Null where /proc/<pid>/mem
 * cannot be read (not Linux, or ptrace not permitted).
 */
export function dumpProcessMemory(pid: number, outFile: string): string | null {
  let maps: string;
  let mem: number;
  try {
    maps = readFileSync(`/proc/${pid}/maps`, 'utf8');
    mem = openSync(`/proc/${pid}/mem`, 'r');
  } catch {
    return null;
  }
  const out = openSync(outFile, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (const line of maps.split('\n')) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) r/.exec(line);
      if (!m || line.includes('[vvar]') || line.includes('[vsyscall]')) continue;
      const start = Number.parseInt(m[1]!, 16);
      const end = Number.parseInt(m[2]!, 16);
      for (let at = start; at < end; at += chunk.length) {
        const len = Math.min(chunk.length, end - at);
        try {
          const n = readSync(mem, chunk, 0, len, at);
          if (n > 0) writeSync(out, chunk, 0, n);
        } catch {
          break; // an unreadable region (guard pages): skip the rest of it
        }
      }
    }
  } finally {
    closeSync(mem);
    closeSync(out);
  }
  return outFile;
}
