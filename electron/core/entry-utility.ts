import { makeStderrLogger } from './host/pino-logger';
import type { Logger } from './ports';
import { adaptParentPort, type ParentPortLike } from './transport/port';
import { runPortCore } from './transport/run-port-core';

/**
 * Core's entry inside Electron's utilityProcess (forked by electron/main/core-host.ts). It talks
 * to main only through `process.parentPort`; it never imports electron, so the same core code
 * runs headless and in tests.
 */
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

/**
 * stderr (main's console in development); core adds the data folder's rolling, size-capped log
 * (`logFile`) once it holds the folder's lock: a packaged app has no terminal to read stderr in.
 */
const makeStartLogger = (): Logger => makeStderrLogger();

if (!parentPort) {
  process.stderr.write('entry-utility runs inside Electron (utilityProcess); for headless mode use `npm run start:web`.\n');
  process.exit(1);
} else {
  void runPortCore({
    port: adaptParentPort(parentPort),
    makeLogger: makeStartLogger,
    coreConfig: { logFile: true },
    exit: (code) => process.exit(code),
  });
}
