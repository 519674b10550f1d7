import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { Logger } from '../ports';
import { ensurePrivateDir } from './private-files';

/** Each log file rolls at this size; this many rolled files are kept beside the active one. */
export interface LogCap {
  size: string;
  files: number;
}

/** ≤ 6 × 5 MB: enough for days of a busy shop, never the gigabytes one stuck turn once wrote. */
const defaultLogCap: LogCap = { size: '5m', files: 5 };

const REDACT = {
  paths: ['apiKey', '*.apiKey', '*.*.apiKey', 'token', 'authorization', 'headers.authorization', 'encryptionKey'],
  censor: '[redacted]',
};

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "5m" → bytes ("20k", "1g"; a bare number is megabytes, as pino-roll read it). */
export function parseLogSize(size: string): number {
  const match = /^([\d.]+)([bkmg]?)$/i.exec(size.trim());
  if (!match) throw new Error(`${size} is not a log size (e.g. 20k, 5m)`);
  return Number(match[1]) * (UNITS[(match[2] || 'm').toLowerCase()] ?? 1);
}

const LOG_FILE = /^core\.(\d+)\.log$/;

/** The numbers of the core.N.log files in the folder, lowest first. */
function logNumbers(dir: string): number[] {
  return fs
    .readdirSync(dir)
    .map((f) => LOG_FILE.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The data folder's size-capped, rolling log (logs/core.N.log), private to the seller's user. It continues the
 * highest-numbered file, rolls to the next number at the size and keeps `files` rolled files beside the active one.
 * The same files pino-roll wrote, without it: pino-roll loads all of date-fns (~130 ms of core's start) for the dated
 * names this log does not use.
 */
function rollingLogStream(dataDir: string, cap: LogCap = defaultLogCap) {
  const dir = path.join(dataDir, 'logs');
  ensurePrivateDir(dir);
  const maxSize = parseLogSize(cap.size);
  const fileOf = (n: number) => path.join(dir, `core.${n}.log`);
  let number = logNumbers(dir).at(-1) ?? 1;
  let fileName = fileOf(number);
  let size = fs.existsSync(fileName) ? fs.statSync(fileName).size : 0;
  const stream = pino.destination({ dest: fileName, sync: false, mkdir: true });
  const removeOld = () => {
    for (const n of logNumbers(dir).filter((k) => k <= number - cap.files - 1)) fs.rmSync(fileOf(n), { force: true });
  };
  let rolling = false;
  let closed = false;
  stream.once('close', () => (closed = true));
  stream.on('write', (written: number) => {
    size += written;
    if (size < maxSize || rolling || closed) return;
    rolling = true;
    size = 0;
    fileName = fileOf(++number);
    // sonic-boom finishes the write in progress on the old file, then writes what is buffered into the new one. Not
    // waiting for the buffer to drain keeps the cap under a loop that never lets it drain.
    stream.once('ready', () => {
      rolling = false;
      try {
        removeOld();
      } catch {
        // A file the seller has open elsewhere goes at the next roll: the log is best effort.
      }
    });
    stream.reopen(fileName);
  });
  return stream;
}

export interface FileLogger {
  logger: Logger;
  /** Flushes and closes the file (core's close). */
  close(): void;
}

/** JSON lines into the data folder's rolling log. Opened only once core holds the folder's lock. */
export async function makeFileLogger(
  dataDir: string,
  cap: LogCap = defaultLogCap,
  level = process.env.SOUQ_LOG_LEVEL ?? 'info',
): Promise<FileLogger> {
  const stream = rollingLogStream(dataDir, cap);
  // Open before core goes on: a failure to open surfaces here, and close() always has a file to flush into.
  await once(stream, 'ready');
  return {
    logger: pino({ level, redact: REDACT }, stream),
    close() {
      try {
        stream.flushSync();
      } catch {
        // Nothing buffered, or the disk is full: the log is best effort.
      }
      stream.end();
    },
  };
}

/** Every line to both loggers (the terminal's and the file's). */
export function teeLogger(a: Logger, b: Logger): Logger {
  return {
    debug: (obj, msg) => (a.debug(obj, msg), b.debug(obj, msg)),
    info: (obj, msg) => (a.info(obj, msg), b.info(obj, msg)),
    warn: (obj, msg) => (a.warn(obj, msg), b.warn(obj, msg)),
    error: (obj, msg) => (a.error(obj, msg), b.error(obj, msg)),
  };
}
