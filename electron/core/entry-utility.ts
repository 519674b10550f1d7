import path from 'node:path';
import pino from 'pino';
import type { Logger } from './ports';
import { adaptParentPort, type ParentPortLike } from './transport/port';
import { runPortCore } from './transport/run-port-core';

/**
 * Core's entry inside Electron's utilityProcess (forked by electron/main/core-host.ts). It talks
 * to main only through `process.parentPort`; it never imports electron, so the same core code
 * runs headless and in tests.
 */
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

/** Logs go to a file in the data directory: a packaged app has no terminal to read stderr in. */
const makeFileLogger = (dataDir: string): Logger =>
  pino(
    {
      level: process.env.SOUQ_LOG_LEVEL ?? 'info',
      redact: { paths: ['apiKey', '*.apiKey', '*.*.apiKey', 'token', 'authorization', 'encryptionKey'], censor: '[redacted]' },
    },
    pino.destination({ dest: path.join(dataDir, 'logs', 'core.log'), mkdir: true, sync: true }),
  );

if (!parentPort) {
  process.stderr.write('entry-utility runs inside Electron (utilityProcess); for headless mode use `npm run start:web`.\n');
  process.exit(1);
} else {
  void runPortCore({
    port: adaptParentPort(parentPort),
    makeLogger: makeFileLogger,
    exit: (code) => process.exit(code),
  });
}
