import { isToCoreMessage, type FromCoreMessage, type InitMessage } from '../../../shared/contract/port-protocol';
import { type Core, type CoreConfig, createCore } from '../create-core';
import type { Logger, Notifier } from '../ports';
import type { MessagePortLike } from './port';
import { servePort } from './serve-port';

export interface PortCoreOptions {
  /** The message port to Electron's main process (contract calls in, answers and events out). */
  port: MessagePortLike;
  /** Builds core's logger once `init` has said where the data directory is. */
  makeLogger: (dataDir: string) => Logger;
  /** Ends the process: after a clean `shutdown` (0) or when core cannot start (1). */
  exit: (code: number) => void;
  /** Extra createCore settings the host decides (tests pass a fake clock). */
  coreConfig?: Omit<CoreConfig, 'dataDir' | 'logger' | 'notifier' | 'encryptionKey'>;
}

/** Core's notices travel to main as codes; main words them in the seller's language. */
const makePortNotifier = (port: MessagePortLike): Notifier => ({
  notify: (notice) => port.postMessage({ type: 'notify', notice } satisfies FromCoreMessage),
});

/** A 32-byte key arrives base64; anything else is ignored so core falls back to its own key file. */
export function decodeEncryptionKey(base64: string | undefined): Buffer | undefined {
  if (!base64) return undefined;
  const key = Buffer.from(base64, 'base64');
  return key.length === 32 ? key : undefined;
}

/**
 * Core's life inside Electron's utilityProcess: wait for main's `init`, open the data directory,
 * serve the contract over the port, answer `ready` (or `fatal` with a message for the user), and
 * close cleanly on `shutdown`. Resolves with the running core, or null if it could not start.
 */
export function runPortCore(opts: PortCoreOptions): Promise<Core | null> {
  const { port } = opts;
  const post = (message: FromCoreMessage) => port.postMessage(message);

  return new Promise((resolve) => {
    let core: Core | null = null;
    let starting = false;
    let stopping = false;

    const start = async (init: InitMessage) => {
      starting = true;
      const logger = opts.makeLogger(init.dataDir);
      try {
        core = await createCore({
          ...opts.coreConfig,
          dataDir: init.dataDir,
          logger,
          notifier: makePortNotifier(port),
          encryptionKey: decodeEncryptionKey(init.encryptionKey),
        });
      } catch (err) {
        logger.error({ err }, 'core could not start');
        post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) });
        port.off('message', onMessage);
        resolve(null);
        opts.exit(1);
        return;
      }
      servePort(core, port, logger);
      post({ type: 'ready', version: core.ctx.version });
      resolve(core);
    };

    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      port.off('message', onMessage);
      try {
        await core?.close();
        opts.exit(0);
      } catch {
        opts.exit(1);
      }
    };

    const onMessage = (raw: unknown) => {
      if (!isToCoreMessage(raw)) return;
      if (raw.type === 'init' && !starting) void start(raw);
      else if (raw.type === 'shutdown') void shutdown();
    };
    port.on('message', onMessage);
  });
}
