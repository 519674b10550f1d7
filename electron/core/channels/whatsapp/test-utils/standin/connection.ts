import type { BinaryNode, proto } from '@whiskeysockets/baileys';
import type { WebSocket } from 'ws';
import type { CertAuthority } from './cert-chain';
import { makeWire, type WireStats } from './wire';

/** A node as it crossed the socket, in order; `dir` is from the stand-in's point of view. */
export interface RecordedNode {
  dir: 'in' | 'out';
  node: BinaryNode;
  at: number;
}

export interface Handshook {
  /** The client's static noise key (the one its QR carries and its login must match). */
  clientStatic: Buffer;
  payload: proto.ClientPayload;
}

export interface StandinConnection {
  readonly id: number;
  /** Resolves when the Noise handshake finished and the ClientPayload was decrypted. */
  readonly handshake: Promise<Handshook>;
  readonly log: readonly RecordedNode[];
  readonly stats: WireStats;
  /** Resolves when the WebSocket closed, from either side. */
  readonly closed: Promise<void>;
  readonly isOpen: boolean;
  send(node: BinaryNode): void;
  /** Resolves with the first node (already received or future) matching `match`. */
  waitFor(match: (node: BinaryNode) => boolean, timeoutMs?: number, description?: string): Promise<BinaryNode>;
  /** Sends an iq the client must answer and resolves with its result. */
  query(node: BinaryNode, timeoutMs?: number): Promise<BinaryNode>;
  /** Stops answering and sending anything while keeping the TCP connection open (a dead link). */
  silence(): void;
  readonly silenced: boolean;
  /** Closes the TCP connection abruptly, as a network drop does. */
  drop(): void;
}

export interface ConnectionHooks {
  onHandshake(conn: StandinConnection, handshook: Handshook): void;
  onNode(conn: StandinConnection, node: BinaryNode): void;
  onError(conn: StandinConnection, error: Error): void;
}

interface Waiter {
  match: (node: BinaryNode) => boolean;
  resolve: (node: BinaryNode) => void;
  reject: (error: Error) => void;
  fromIndex: number;
}

let nextServerTag = 1;
/** Ids for server-originated iqs; unique within the process so logs never collide. */
export const serverTag = (): string => `standin-${nextServerTag++}`;

export const makeConnection = (
  id: number,
  ws: WebSocket,
  authority: CertAuthority,
  hooks: ConnectionHooks,
  /** Keep every node in `log` (tests); a benchmark turns it off so the server's memory stays flat. */
  keepLog = true,
): StandinConnection => {
  const log: RecordedNode[] = [];
  const waiters = new Set<Waiter>();
  let silenced = false;
  let open = true;
  let resolveHandshake!: (h: Handshook) => void;
  let rejectHandshake!: (e: Error) => void;
  const handshake = new Promise<Handshook>((resolve, reject) => {
    resolveHandshake = resolve;
    rejectHandshake = reject;
  });
  handshake.catch(() => undefined);
  const closed = new Promise<void>((resolve) =>
    ws.once('close', () => {
      open = false;
      rejectHandshake(new Error('closed before the handshake finished'));
      for (const waiter of waiters) waiter.reject(new Error(`stand-in connection ${id} closed`));
      waiters.clear();
      resolve();
    }),
  );

  const wire = makeWire(ws, authority, {
    onHandshake: (h) => {
      resolveHandshake(h);
      hooks.onHandshake(conn, h);
    },
    onNode: (node) => {
      const index = keepLog ? log.push({ dir: 'in', node, at: Date.now() }) - 1 : Number.MAX_SAFE_INTEGER;
      for (const waiter of waiters) {
        if (index >= waiter.fromIndex && waiter.match(node)) {
          waiters.delete(waiter);
          waiter.resolve(node);
        }
      }
      if (!silenced) hooks.onNode(conn, node);
    },
    onError: (error) => hooks.onError(conn, error),
  });

  const conn: StandinConnection = {
    id,
    handshake,
    log,
    stats: wire.stats,
    closed,
    get isOpen() {
      return open;
    },
    get silenced() {
      return silenced;
    },
    send(node) {
      if (silenced || !open) return;
      if (keepLog) log.push({ dir: 'out', node, at: Date.now() });
      wire.sendNode(node);
    },
    waitFor(match, timeoutMs = 5_000, description = 'node') {
      const seen = log.find((r) => r.dir === 'in' && match(r.node));
      if (seen) return Promise.resolve(seen.node);
      if (!open) return Promise.reject(new Error(`stand-in connection ${id} closed`));
      return new Promise<BinaryNode>((resolve, reject) => {
        const waiter: Waiter = {
          match,
          resolve: (n) => (clearTimeout(timer), resolve(n)),
          reject: (e) => (clearTimeout(timer), reject(e)),
          fromIndex: log.length,
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`stand-in connection ${id}: timed out waiting for ${description}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    query(node, timeoutMs) {
      const iqId = node.attrs.id ?? serverTag();
      const withId: BinaryNode = { ...node, attrs: { ...node.attrs, id: iqId } };
      const answer = conn.waitFor(
        (n) => n.tag === 'iq' && n.attrs.id === iqId && (n.attrs.type === 'result' || n.attrs.type === 'error'),
        timeoutMs,
        `answer to iq ${iqId}`,
      );
      conn.send(withId);
      return answer;
    },
    silence() {
      silenced = true;
    },
    drop() {
      wire.close();
    },
  };
  return conn;
};
