import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Envelope } from '../../../shared/contract';
import type { Core } from '../create-core';
import { resolveStatic } from './static-files';
import { requestOrigin } from './origin';
import { TOKEN_PROTOCOL_PREFIX, presentedToken, safeDecode, tokenCookieName, tokenMatches } from './token';
import { makePreferences } from '../system';
import { lockedPage, lockedPageLocale } from './locked-page';
import { MEDIA_PREFIX, serveMedia } from './media-route';

export interface ServerOptions {
  /** The core whose contract calls and events the server serves. */
  core: Core;
  /** The secret in the printed address; traded once for an HttpOnly cookie, required on every call and socket. */
  token: string;
  /** Folder of the built renderer; null serves the API only. */
  staticDir: string | null;
  /** Interface to listen on. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Largest request body accepted, in bytes (a catalog CSV, a document upload). Default 25 MiB. */
  maxBodyBytes?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const CALL_PREFIX = '/api/call/';
const EVENTS_PATH = '/api/events';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function errorEnvelope(code: 'unauthorized' | 'invalid_input' | 'unknown_method', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`Request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The contract over loopback HTTP (POST /api/call/<name>, JSON in, envelope out) and a
 * WebSocket of events, plus the built renderer. Every request must carry the token; the Host
 * header must be a loopback name so a DNS-rebinding page cannot reach it.
 */
export async function startHttpServer(opts: ServerOptions): Promise<RunningServer> {
  const { core, token } = opts;
  const limit = opts.maxBodyBytes ?? 25 * 1024 * 1024;
  // Bound to the port once the server listens (see tokenCookieName).
  let cookieName = tokenCookieName(opts.port ?? 0);
  let ownPort = opts.port ?? 0;
  const authorized = (req: http.IncomingMessage) => tokenMatches(token, presentedToken(req.headers, cookieName));
  /** Host, Origin and URL of a request, or the refusal to answer before anything else runs. */
  const admit = (req: http.IncomingMessage): { url: URL } | { refuse: number; message: string } => {
    if (!LOOPBACK_HOSTS.test(req.headers.host ?? '')) return { refuse: 403, message: 'Bad Host header' };
    // A page on another local port rides the seller's cookie (cookies ignore ports): refuse any
    // Origin but our own. No Origin (scripts, the CLI) still needs the bearer token.
    if (requestOrigin(req.headers.origin, ownPort) === 'foreign') return { refuse: 403, message: 'Requests from other sites are refused' };
    try {
      return { url: new URL(req.url ?? '/', 'http://127.0.0.1') };
    } catch {
      return { refuse: 400, message: 'Bad request address' };
    }
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    try {
      const admitted = admit(req);
      if ('refuse' in admitted) return sendJson(res, admitted.refuse, errorEnvelope('unauthorized', admitted.message));
      const { url } = admitted;

      // The printed URL carries ?token=…: trade it for an HttpOnly cookie and strip it from the address bar.
      const queryToken = url.searchParams.get('token');
      if (req.method === 'GET' && queryToken !== null) {
        if (!tokenMatches(token, queryToken)) return sendJson(res, 401, errorEnvelope('unauthorized', 'Wrong token'));
        url.searchParams.delete('token');
        res.writeHead(302, {
          location: url.pathname + (url.search || ''),
          'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          'cache-control': 'no-store',
        });
        return res.end();
      }

      if (url.pathname.startsWith(CALL_PREFIX)) {
        if (!authorized(req)) return sendJson(res, 401, errorEnvelope('unauthorized', 'Missing or wrong token'));
        if (req.method !== 'POST') return sendJson(res, 405, errorEnvelope('invalid_input', 'Use POST'));
        // JSON only: a cross-site form cannot send it without a preflight we never answer.
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, errorEnvelope('invalid_input', 'Send application/json'));
        }
        let input: unknown;
        try {
          const body = await readBody(req, limit);
          input = body.length ? JSON.parse(body) : {};
        } catch (err) {
          return sendJson(
            res,
            400,
            errorEnvelope('invalid_input', err instanceof SyntaxError ? 'Body is not valid JSON' : String((err as Error).message)),
          );
        }
        const name = safeDecode(url.pathname.slice(CALL_PREFIX.length));
        if (name === null) return sendJson(res, 400, errorEnvelope('unknown_method', 'Call name is not valid percent-encoding'));
        // The call reached core: its answer, success or typed error, is the envelope (HTTP 200,
        // like JSON-RPC). HTTP errors are kept for transport failures (auth, method, body), so a
        // seller's expected refusal ("that name exists") is not a failed network request.
        return sendJson(res, 200, await core.app.dispatch(name, input));
      }

      if (url.pathname.startsWith(MEDIA_PREFIX)) {
        if (!authorized(req)) return sendJson(res, 401, errorEnvelope('unauthorized', 'Missing or wrong token'));
        return serveMedia(core, req, res, url);
      }

      if (url.pathname === '/favicon.svg' || url.pathname === '/favicon.ico' || authorized(req)) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, errorEnvelope('invalid_input', 'Use GET'));
        const found = opts.staticDir ? resolveStatic(opts.staticDir, url.pathname) : null;
        if (!found) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Not found' } });
        res.writeHead(200, {
          'content-type': found.type,
          'cache-control': found.file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        if (req.method === 'HEAD') return res.end();
        return fs.createReadStream(found.file).pipe(res);
      }
      // Without the token: how to open Souqbot, in the seller's language (not a bare 401).
      res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(lockedPage(lockedPageLocale(await makePreferences(core.ctx.store.db).uiLocale(), req.headers['accept-language'])));
    } catch (err) {
      core.ctx.logger.error({ err }, 'http request failed');
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else res.destroy();
    }
  };
  const server = http.createServer((req, res) => void handle(req, res));

  const wss = new WebSocketServer({
    noServer: true,
    // Echo the token subprotocol back so browsers accept the handshake.
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX)) ?? false,
  });
  const refuseUpgrade = (socket: Duplex, status: string) => {
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (req, socket, head) => {
    // An upgrade handler that throws takes the whole process down: refuse instead, always.
    try {
      const admitted = admit(req);
      if ('refuse' in admitted) return refuseUpgrade(socket, admitted.refuse === 400 ? '400 Bad Request' : '403 Forbidden');
      if (admitted.url.pathname !== EVENTS_PATH || !authorized(req)) return refuseUpgrade(socket, '401 Unauthorized');
      acceptEvents(req, socket, head);
    } catch (err) {
      core.ctx.logger.warn({ err }, 'websocket upgrade refused');
      refuseUpgrade(socket, '400 Bad Request');
    }
  });
  function acceptEvents(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = core.bus.subscribe((event) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
      });
      const ping = setInterval(() => ws.ping(), 20_000);
      ws.on('close', () => {
        clearInterval(ping);
        unsubscribe();
      });
      ws.on('error', () => ws.terminate());
      ws.send(JSON.stringify({ name: 'hello', payload: { version: core.ctx.version } }));
    });
  }
  server.on('clientError', (_err, socket) => {
    // Unparseable request lines and headers: a plain 400, never an exception.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ownPort = port;
  cookieName = tokenCookieName(port);
  return {
    url: `http://${host}:${port}/`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
