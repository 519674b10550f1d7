import path from 'node:path';
import { createCore, type Core } from './create-core';
import { option, parsePort } from './host/args';
import { defaultDataDir } from './host/data-dir';
import { makeStderrLogger } from './host/pino-logger';
import { ensureRendererBuilt } from './host/renderer-build';
import { type RunningServer, startHttpServer } from './server/http-server';
import { loadOrCreateToken } from './server/token';
import { listenOnFreePort } from './host/free-port';
import { makeTerminalLines } from './host/terminal-lines';
import type { Logger } from './ports';

const DEFAULT_PORT = 4417;

export interface Serving {
  core: Core;
  server: RunningServer;
  openUrl: string;
  close(): Promise<void>;
}

/** Headless mode: one core behind the loopback server, plus the built renderer. */
export async function serve(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Serving> {
  const dataDir = option(argv, 'data-dir', 'SOUQ_DATA_DIR', env) ?? defaultDataDir(env);
  // The terminal gets plain lines for the seller; JSON (Baileys included) goes to the rolling log
  // file. SOUQ_LOG_TERMINAL=json brings the JSON back to stderr for whoever debugs.
  let describe: (accountId: number) => Promise<string | null> = () => Promise.resolve(null);
  const terminal =
    env.SOUQ_LOG_TERMINAL === 'json'
      ? null
      : makeTerminalLines({
          write: (line) => process.stderr.write(`${line}\n`),
          now: () => new Date(),
          logHint: path.join(dataDir, 'logs'),
          describeAccount: (id) => describe(id),
        });
  const logger: Logger = terminal?.logger ?? makeStderrLogger();
  /** serve's own progress lines (the one-time renderer build) are for the seller too. */
  const progress: Logger = terminal ? { ...terminal.logger, info: (_obj, msg) => void (msg && process.stderr.write(`${msg}\n`)) } : logger;
  const chosenPort = option(argv, 'port', 'SOUQ_PORT', env);
  const port = parsePort(chosenPort, DEFAULT_PORT);
  const started = Date.now();
  const core = await createCore({ dataDir, logger, logFile: true });
  if (terminal) {
    describe = async (id) => {
      const account = await core.ctx.repos.accounts.get(id);
      return account ? `${account.label}${account.phone ? ` (+${account.phone})` : ''}` : null;
    };
    core.bus.subscribe((event) => void terminal.onEvent(event));
  }
  let server: RunningServer;
  try {
    const staticDir = await ensureRendererBuilt(progress);
    const token = loadOrCreateToken(dataDir);
    // The default port may be taken by another program: take the next free one. A port the seller
    // chose is theirs to change: say so plainly.
    server = await listenOnFreePort((p) => startHttpServer({ core, token, staticDir, port: p }), port, chosenPort === undefined ? 20 : 0);
  } catch (err) {
    await core.close();
    throw err;
  }
  core.announce(server.url);
  logger.info({ dataDir, port: server.port, ms: Date.now() - started }, 'core ready');
  return {
    core,
    server,
    openUrl: `${server.url}?token=${loadOrCreateToken(dataDir)}`,
    async close() {
      await server.close();
      await core.close();
    },
  };
}

/** Stops cleanly on Ctrl-C / SIGTERM so the WAL is checkpointed and nothing is half-written. */
export function closeOnSignals(serving: Serving): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    serving.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
