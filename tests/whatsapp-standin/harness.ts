import {
  BufferJSON,
  WA_CERT_DETAILS,
  initAuthCreds,
  makeWASocket,
  type AuthenticationState,
  type ConnectionState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type UserFacingSocketConfig,
  type WASocket,
} from '@whiskeysockets/baileys';
import pino from 'pino';
import type { LinkedDevice, Standin, StandinConnection } from '../../electron/core/channels/whatsapp/test-utils/standin';

/**
 * Test side of the stand-in: a REAL, unmodified Baileys socket whose only differences from
 * production are `waWebSocketUrl` and the trusted root key (`WA_CERT_DETAILS.PUBLIC_KEY`).
 * Auth state is in memory here; stages that involve our adapter use its SQLite store instead.
 */

export interface MemoryAuth {
  state: AuthenticationState;
  /** Creds as they would be persisted (JSON round-trip, as any store does). */
  saveCreds(): void;
  /** A fresh state loaded from the same store, as a restarted app would load it. */
  reload(): MemoryAuth;
}

/** `disk` plays the persistent store: keys are written through to it, creds on each creds.update. */
export const makeMemoryAuth = (
  disk: { creds: string; keys: Map<string, string> } = { creds: JSON.stringify(initAuthCreds(), BufferJSON.replacer), keys: new Map() },
): MemoryAuth => {
  const { keys } = disk;
  const savedCreds = disk.creds;
  const state: AuthenticationState = {
    creds: JSON.parse(savedCreds, BufferJSON.reviver),
    keys: {
      get: <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
        const out: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const id of ids) {
          const value = keys.get(`${type}/${id}`);
          if (value !== undefined) out[id] = JSON.parse(value, BufferJSON.reviver) as SignalDataTypeMap[T];
        }
        return out;
      },
      set: (data: SignalDataSet) => {
        for (const [type, entries] of Object.entries(data)) {
          for (const [id, value] of Object.entries(entries ?? {})) {
            if (value === null || value === undefined) keys.delete(`${type}/${id}`);
            else keys.set(`${type}/${id}`, JSON.stringify(value, BufferJSON.replacer));
          }
        }
      },
    },
  };
  return {
    state,
    saveCreds: () => {
      disk.creds = JSON.stringify(state.creds, BufferJSON.replacer);
    },
    reload: () => makeMemoryAuth(disk),
  };
};

export const silentLogger = pino({ level: process.env.STANDIN_LOG ?? 'silent' });

/** Points Baileys at the stand-in: the one allowed change to the library. */
export const trustStandin = (standin: Standin): void => {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(standin.rootPublicKey);
};

export interface TestSocket {
  sock: WASocket;
  updates: Partial<ConnectionState>[];
  /** Resolves with the first connection.update (past or future) matching `match`. */
  waitForUpdate(match: (u: Partial<ConnectionState>) => boolean, timeoutMs?: number): Promise<Partial<ConnectionState>>;
}

export const connectSocket = (standin: Standin, auth: MemoryAuth, extra: Partial<UserFacingSocketConfig> = {}): TestSocket => {
  const sock = makeWASocket({
    waWebSocketUrl: standin.url,
    auth: auth.state,
    logger: silentLogger,
    // Our app never wants history; with it off Baileys goes online without the 20 s sync wait.
    shouldSyncHistoryMessage: () => false,
    markOnlineOnConnect: false,
    ...extra,
  });
  sock.ev.on('creds.update', auth.saveCreds);
  const updates: Partial<ConnectionState>[] = [];
  const listeners = new Set<(u: Partial<ConnectionState>) => void>();
  sock.ev.on('connection.update', (u) => {
    updates.push(u);
    for (const l of listeners) l(u);
  });
  return {
    sock,
    updates,
    waitForUpdate(match, timeoutMs = 5_000) {
      const seen = updates.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const listener = (u: Partial<ConnectionState>): void => {
          if (!match(u)) return;
          listeners.delete(listener);
          clearTimeout(timer);
          resolve(u);
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`timed out waiting for connection.update; saw ${JSON.stringify(updates.map((x) => Object.keys(x)))}`));
        }, timeoutMs);
        listeners.add(listener);
      });
    },
  };
};

/** The status code of the error Baileys closed with (Boom's output.statusCode). */
export const closeCode = (update: Partial<ConnectionState>): number | undefined =>
  (update.lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;

/**
 * Links a fresh in-memory companion to `sellerPhone` through the real QR → pair-success → 515 path
 * and returns creds as the app would have saved them, ready for a logged-in start.
 */
export const pairNewDevice = async (standin: Standin, sellerPhone: string): Promise<{ auth: MemoryAuth; device: LinkedDevice }> => {
  const auth = makeMemoryAuth();
  const first = connectSocket(standin, auth);
  const { qr } = await first.waitForUpdate((u) => !!u.qr);
  const device = await standin.link(qr!, sellerPhone);
  await first.waitForUpdate((u) => u.connection === 'close');
  return { auth: auth.reload(), device };
};

/** Starts a socket with saved creds and waits until it is open; returns it with its server-side connection. */
export const openSocket = async (
  standin: Standin,
  auth: MemoryAuth,
  extra: Partial<UserFacingSocketConfig> = {},
): Promise<TestSocket & { conn: StandinConnection }> => {
  const socket = connectSocket(standin, auth, extra);
  await socket.waitForUpdate((u) => u.connection === 'open');
  const conn = standin.connections.at(-1)!;
  return { ...socket, conn };
};
