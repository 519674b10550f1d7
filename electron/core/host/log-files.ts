import path from 'node:path';
import pino from 'pino';
import roll from 'pino-roll';
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

/** The data folder's size-capped, rolling log (logs/core.N.log), private to the seller's user. */
async function rollingLogStream(dataDir: string, cap: LogCap = defaultLogCap) {
  const dir = path.join(dataDir, 'logs');
  ensurePrivateDir(dir);
  return roll({
    file: path.join(dir, 'core'),
    extension: '.log',
    size: cap.size,
    limit: { count: cap.files, removeOtherLogFiles: true },
    mkdir: true,
  });
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
  const stream = await rollingLogStream(dataDir, cap);
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
