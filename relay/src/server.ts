// The relay: an HTTP server (health check, optional static files for the device app) with the WebSocket endpoint
// on the same port. Listens on 127.0.0.1 unless told otherwise; put TLS in front (a reverse proxy) in production.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Bus } from './bus';
import type { RelayContext } from './context';
import { DEFAULT_LIMITS, type RelayLimits } from './limits';
import { makeDailyQuota, makeRateLimiter } from './rate-limit';
import { makeSession } from './session';
import type { RelayStore } from './store';

export interface RelayOptions {
  store: RelayStore;
  bus: Bus;
  host?: string;
  /** 0 picks a free port */
  port?: number;
  limits?: Partial<RelayLimits>;
  /** serve these files over HTTP (the device app's build), SPA-style */
  staticDir?: string;
  now?: () => number;
  /** default store-first; offer-first suits a store where every write is a network round trip (JetStream) */
  deliveryMode?: 'store-first' | 'offer-first';
  /** offer-first: how long a connected device has to ack before the body goes to its mailbox */
  offerTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface Relay {
  /** ws://host:port */
  url: string;
  port: number;
  /** sockets open now */
  connections(): number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = resolve(root, `.${normalize(sep + path)}`);
  if (!file.startsWith(resolve(root))) return void res.writeHead(404).end();
  for (const candidate of [file, join(file, 'index.html'), join(root, 'index.html')]) {
    try {
      const data = await readFile(candidate);
      res.writeHead(200, { 'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream' }).end(data);
      return;
    } catch {
      // next candidate
    }
  }
  res.writeHead(404).end();
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const limits: RelayLimits = { ...DEFAULT_LIMITS, ...options.limits, mailbox: { ...DEFAULT_LIMITS.mailbox, ...options.limits?.mailbox } };
  const now = options.now ?? Date.now;
  const counts = new Map<string, number>();
  // Offered ids: this instance's random prefix and a counter (cheaper than random bytes per message).
  const instance = randomBytes(6).toString('base64url');
  let hot = 0;
  const ctx: RelayContext = {
    store: options.store,
    bus: options.bus,
    limits,
    deviceLimiter: makeRateLimiter(limits.deviceFramesPerSecond, limits.deviceFrameBurst, now),
    groupLimiter: makeRateLimiter(limits.ipGroupsPerHour / 3600, limits.ipGroupsPerHour, now),
    pairLimiter: makeRateLimiter(limits.ipPairJoinsPerMinute / 60, limits.ipPairJoinsPerMinute, now),
    groupQuota: makeDailyQuota(limits.groupMessagesPerDay, limits.groupBytesPerDay, now),
    deliveryMode: options.deliveryMode ?? 'store-first',
    offerTimeoutMs: options.offerTimeoutMs ?? 2000,
    hotId: () => `h${instance}.${(hot++).toString(36)}`,
    now,
    log: options.log ?? ((line) => process.stderr.write(`relay: ${line}\n`)),
    connected(device, delta) {
      const n = (counts.get(device) ?? 0) + delta;
      if (n <= 0) counts.delete(device);
      else counts.set(device, n);
      return Math.max(0, n);
    },
  };
  const ipLimiter = makeRateLimiter(limits.ipConnectionsPerSecond, limits.ipConnectionBurst, now);

  const http = createServer((req, res) => {
    if (req.url === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (options.staticDir && req.method === 'GET')
      return void serveStatic(options.staticDir, req, res).catch(() => res.writeHead(500).end());
    res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ server: http, maxPayload: limits.maxFrameBytes });
  const alive = new WeakMap<WebSocket, boolean>();

  wss.on('connection', (ws, req) => {
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!ipLimiter.take(ip)) {
      ws.send(JSON.stringify({ t: 'error', code: 'rate-limited', message: 'too many connections from this address' }));
      ws.close(4029, 'rate-limited');
      return;
    }
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const session = makeSession(ctx, { send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) }, ip);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return session.onMessage('');
      session.onMessage(data.toString());
    });
    ws.on('close', () => session.onClose());
    ws.on('error', () => ws.terminate());
  });

  // A socket that stops answering pings (a phone that lost its network) is closed, so the device shows offline.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, 30_000);
  heartbeat.unref();

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 0, host, () => ok());
  });
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://${host}:${port}`,
    port,
    connections: () => wss.clients.size,
    async close() {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((ok) => wss.close(() => ok()));
      await new Promise<void>((ok) => http.close(() => ok()));
    },
  };
}
