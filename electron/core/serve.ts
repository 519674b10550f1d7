import { createCore, type Core } from './create-core';
import { option, parsePort } from './host/args';
import { defaultDataDir } from './host/data-dir';
import { makeStderrLogger } from './host/pino-logger';
import { ensureRendererBuilt } from './host/renderer-build';
import { type RunningServer, startHttpServer } from './server/http-server';
import { loadOrCreateToken } from './server/token';

export const DEFAULT_PORT = 4417;

export interface Serving {
  core: Core;
  server: RunningServer;
  openUrl: string;
  close(): Promise<void>;
}

/** Headless mode: one core behind the loopback server, plus the built renderer. */
export async function serve(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Serving> {
  const logger = makeStderrLogger();
  const dataDir = option(argv, 'data-dir', 'SOUQ_DATA_DIR', env) ?? defaultDataDir(env);
  const port = parsePort(option(argv, 'port', 'SOUQ_PORT', env), DEFAULT_PORT);
  const started = Date.now();
  const core = await createCore({ dataDir, logger });
  const staticDir = await ensureRendererBuilt(logger);
  const token = loadOrCreateToken(dataDir);
  const server = await startHttpServer({ core, token, staticDir, port });
  logger.info({ dataDir, ms: Date.now() - started }, 'core ready');
  const openUrl = `${server.url}?token=${token}`;
  return {
    core,
    server,
    openUrl,
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
