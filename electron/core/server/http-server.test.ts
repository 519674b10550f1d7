import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Core } from '../create-core';
import { makeTempCore } from '../test-utils/temp-core';
import { type RunningServer, startHttpServer } from './http-server';
import { TOKEN_PROTOCOL_PREFIX } from './token';

const TOKEN = 'ab'.repeat(24);
let core: Core;
let server: RunningServer;
let cleanup: () => Promise<void>;
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-static-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Souqbot</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const temp = await makeTempCore();
  core = temp.core;
  cleanup = temp.cleanup;
  server = await startHttpServer({ core, token: TOKEN, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const post = (name: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body,
  });

/** A raw request, to set headers fetch will not (Host). */
function rawGet(pathname: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: pathname, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
  });
}

describe('headless server', () => {
  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers a contract call with its envelope', async () => {
    const res = await post('shops/create', JSON.stringify({ name: 'Dar Lalla', currency: 'MAD' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { name: 'Dar Lalla', currency: 'MAD' } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const none = await fetch(`${server.url}api/call/shops/list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    const wrong = await post('shops/list', '{}', { authorization: `Bearer ${'cd'.repeat(24)}` });
    expect(wrong.status).toBe(401);
    const page = await fetch(server.url);
    expect(page.status).toBe(401);
  });

  it('gives a typed validation error for malformed input and never crashes', async () => {
    const invalid = await post('shops/create', JSON.stringify({ name: '', currency: 'dinar' }));
    const body = (await invalid.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/name/);
    expect(body.error.message).toMatch(/currency/);
    const notJson = await post('shops/create', '{"name":');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await post('shops/explode', '{}');
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const form = await post('shops/list', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const ping = await post('system/ping', '{"echo":"still alive"}');
    expect(await ping.json()).toMatchObject({ ok: true, value: { echo: 'still alive' } });
  });

  it('pushes events over an authenticated WebSocket and refuses one without the token', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}api/events`, [`${TOKEN_PROTOCOL_PREFIX}${TOKEN}`]);
    const received: { name: string; payload: { name?: string } }[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => resolve());
      ws.on('error', reject);
    });
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as { name: string; payload: { name?: string } }));
    await post('shops/create', JSON.stringify({ name: 'Boutique Lina' }));
    await expect.poll(() => received.find((e) => e.name === 'shops/changed')?.payload.name).toBe('Boutique Lina');
    ws.close();

    const refused = new WebSocket(`${server.url.replace('http', 'ws')}api/events`);
    const outcome = await new Promise<string>((resolve) => {
      refused.on('open', () => resolve('open'));
      refused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      refused.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('401');
  });

  it('trades the printed ?token= for an HttpOnly cookie and strips it from the address', async () => {
    const res = await rawGet(`/?token=${TOKEN}`, { host: `127.0.0.1:${server.port}` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`souq_token_${server.port}=.+; HttpOnly; SameSite=Strict`));
    const withCookie = await fetch(`${server.url}assets/app.js`, { headers: { cookie: `souq_token_${server.port}=${TOKEN}` } });
    expect(withCookie.status).toBe(200);
    expect(await withCookie.text()).toBe('console.log(1)');
    const spa = await fetch(`${server.url}inbox`, { headers: { cookie: `souq_token_${server.port}=${TOKEN}` } });
    expect(await spa.text()).toMatch(/<title>Souqbot/);
    // Traversal never leaves the renderer folder (it clamps to it, so this is the app's page).
    const escape = await fetch(`${server.url}..%2f..%2f..%2fetc%2fpasswd`, { headers: { cookie: `souq_token_${server.port}=${TOKEN}` } });
    expect(await escape.text()).not.toMatch(/root:/);
    const missingAsset = await fetch(`${server.url}assets/nope.js`, { headers: { cookie: `souq_token_${server.port}=${TOKEN}` } });
    expect(missingAsset.status).toBe(404);
  });

  it('refuses a request whose Host is not loopback (DNS rebinding)', async () => {
    const res = await rawGet('/', { host: 'evil.example:80', cookie: `souq_token_${server.port}=${TOKEN}` });
    expect(res.status).toBe(403);
  });
});
