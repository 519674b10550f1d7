import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../create-core';
import { makeTempCore } from '../test-utils/temp-core';
import { type RunningServer, startHttpServer } from './http-server';
import { requestOrigin } from './origin';
import { TOKEN_PROTOCOL_PREFIX, tokenCookieName } from './token';

const TOKEN = 'ef'.repeat(24);
let core: Core;
let server: RunningServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const temp = await makeTempCore();
  core = temp.core;
  cleanup = temp.cleanup;
  server = await startHttpServer({ core, token: TOKEN, staticDir: null, port: 0 });
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

const wsUrl = () => `${server.url.replace('http', 'ws')}api/events`;

/** How a WebSocket upgrade ends: 'open', or the HTTP status it was refused with. */
function upgrade(headers: Record<string, string>, protocols: string[] = []): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl(), protocols, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', () => resolve('error'));
  });
}

/** Writes raw bytes and returns the status line of the answer. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

const alive = async () => {
  const res = await fetch(`${server.url}api/call/system/ping`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: '{"echo":"up"}',
  });
  return ((await res.json()) as { ok: boolean }).ok;
};

describe('hostile requests get a 4xx and the server stays up', () => {
  it('a WebSocket upgrade with a broken percent-encoded cookie is refused, not fatal', async () => {
    const cookie = `${tokenCookieName(server.port)}=%E0%A4%A`;
    expect(await upgrade({ cookie })).toBe('401');
    expect(await upgrade({ cookie: `${tokenCookieName(server.port)}=%` })).toBe('401');
    expect(await alive()).toBe(true);
  });

  it('a broken cookie or call name on a request is a 4xx', async () => {
    const cookie = await fetch(`${server.url}api/call/system/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${tokenCookieName(server.port)}=%zz` },
      body: '{}',
    });
    expect(cookie.status).toBe(401);
    const name = await fetch(`${server.url}api/call/%E0%A4%A`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{}',
    });
    expect(name.status).toBe(400);
    expect(await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(await alive()).toBe(true);
  });

  it('refuses the event stream and calls from another origin, even with the right cookie', async () => {
    const cookie = `${tokenCookieName(server.port)}=${TOKEN}`;
    expect(await upgrade({ cookie, origin: `http://127.0.0.1:${server.port}` })).toBe('open');
    expect(await upgrade({ cookie, origin: 'http://127.0.0.1:8080' })).toBe('403');
    expect(await upgrade({ cookie, origin: 'http://localhost:3000' })).toBe('403');
    expect(await upgrade({ cookie, origin: 'null' })).toBe('403');
    const foreign = await fetch(`${server.url}api/call/system/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'http://127.0.0.1:8080' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    // No Origin (a script, the CLI): the bearer token alone is enough.
    expect(await upgrade({}, [`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`])).toBe('open');
    // The cookie of a server on another port is not ours.
    expect(await upgrade({ cookie: `${tokenCookieName(server.port + 1)}=${TOKEN}` })).toBe('401');
  });

  it('classifies origins by scheme, loopback name and port', () => {
    expect(requestOrigin(undefined, 4417)).toBe('none');
    expect(requestOrigin('http://localhost:4417', 4417)).toBe('own');
    expect(requestOrigin('http://[::1]:4417', 4417)).toBe('own');
    expect(requestOrigin('https://127.0.0.1:4417', 4417)).toBe('foreign');
    expect(requestOrigin('http://127.0.0.1:4418', 4417)).toBe('foreign');
    expect(requestOrigin('http://evil.example:4417', 4417)).toBe('foreign');
    expect(requestOrigin('not a url', 4417)).toBe('foreign');
  });
});
