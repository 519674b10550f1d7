import { type UtilityProcess, utilityProcess } from 'electron';
import type { ConnectionState } from '../../shared/contract/bridge';
import type { EventMessage } from '../../shared/contract/events';
import type { ToCoreMessage } from '../../shared/contract/port-protocol';
import type { NotifierNotice } from '../../shared/domain/notices';
import { type CoreRelay, createCoreRelay, restartDelayMs } from './core-relay';

export interface CoreHostConfig {
  /** The bundled core entry (out/main/core.js). */
  entry: string;
  dataDir: string;
  /** Base64 32-byte key from safeStorage; absent → core keeps its own key file. */
  encryptionKey?: string;
  onEvent(event: EventMessage): void;
  onState(state: ConnectionState): void;
  onNotify(notice: NotifierNotice): void;
  onFatal(message: string): void;
}

export interface CoreHost {
  readonly relay: CoreRelay;
  start(): void;
  /** Asks core to close its database, then waits (killing it after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/** A core that stayed up this long has recovered; the next crash restarts it quickly again. */
const STABLE_AFTER_MS = 60_000;

/**
 * Runs core in a utilityProcess so synchronous SQLite never blocks a window, relays messages
 * both ways, and restarts core with backoff if it dies — unless it refused to start (`fatal`,
 * e.g. a database from a newer Souqbot), where restarting would only loop.
 */
export function createCoreHost(config: CoreHostConfig): CoreHost {
  let child: UtilityProcess | null = null;
  let stopping = false;
  let recentCrashes = 0;
  let startedAt = 0;
  let restartTimer: NodeJS.Timeout | null = null;

  const relay = createCoreRelay({
    send: (message: ToCoreMessage) => {
      if (!child) throw new Error('core is not running');
      child.postMessage(message);
    },
    onEvent: config.onEvent,
    onState: config.onState,
    onNotify: config.onNotify,
    onFatal: config.onFatal,
  });

  function spawn(): void {
    const proc = utilityProcess.fork(config.entry, [], { serviceName: 'Souqbot core', stdio: 'inherit' });
    child = proc;
    startedAt = Date.now();
    relay.starting();
    proc.on('spawn', () => {
      const init: ToCoreMessage = { type: 'init', dataDir: config.dataDir, encryptionKey: config.encryptionKey };
      proc.postMessage(init);
    });
    proc.on('message', (message: unknown) => relay.receive(message));
    proc.on('exit', () => {
      if (child === proc) child = null;
      relay.lost();
      if (stopping || relay.fatal() !== null) return;
      recentCrashes = Date.now() - startedAt > STABLE_AFTER_MS ? 0 : recentCrashes + 1;
      restartTimer = setTimeout(() => {
        restartTimer = null;
        if (!stopping) spawn();
      }, restartDelayMs(recentCrashes));
    });
  }

  return {
    relay,
    start() {
      if (!child && !restartTimer) spawn();
    },
    async stop(graceMs = 5_000) {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const proc = child;
      if (!proc) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill();
          resolve();
        }, graceMs);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        proc.postMessage({ type: 'shutdown' } satisfies ToCoreMessage);
      });
    },
  };
}
