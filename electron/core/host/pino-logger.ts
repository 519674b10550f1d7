import pino from 'pino';
import type { Logger } from '../ports';

/** Core's log: JSON lines on stderr (stdout belongs to the CLI's output), secrets redacted. */
export function makeStderrLogger(level = process.env.SOUQ_LOG_LEVEL ?? 'info'): Logger {
  return pino(
    {
      level,
      redact: { paths: ['apiKey', '*.apiKey', '*.*.apiKey', 'token', 'authorization', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}
