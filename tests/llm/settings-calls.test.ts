import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/create-core';
import type { Logger } from '../../electron/core/ports';
import { completion, type FakeOpenAiServer, startFakeOpenAiServer } from '../../electron/core/test-utils/fake-openai-server';

const KEY = 'sk-or-v1-TOPSECRET-abcdef0123456789';

let server: FakeOpenAiServer;
let core: Core;
let dir: string;
const logs: string[] = [];
const outputs: string[] = [];

async function call(name: string, input: unknown): Promise<unknown> {
  const envelope = await core.app.dispatch(name, input);
  outputs.push(JSON.stringify(envelope));
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
  return envelope.value;
}

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-llm-calls-'));
  const capture = (obj: object, msg?: string) => void logs.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
  const logger: Logger = { debug: capture, info: capture, warn: capture, error: capture };
  core = await createCore({ dataDir: dir, logger, paused: true });
});
afterAll(async () => {
  await core.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('LLM settings calls', () => {
  it('lists the presets', async () => {
    const presets = (await call('settings/list-llm-presets', {})) as Array<{ id: string; baseUrl: string }>;
    expect(presets.map((p) => p.id)).toEqual(['openrouter', 'openai', 'ollama', 'lmstudio']);
    expect(presets.find((p) => p.id === 'ollama')?.baseUrl).toBe('http://127.0.0.1:11434/v1');
  });

  it('keeps the API key write-only and out of every answer and log line', async () => {
    const shop = (await call('shops/create', { name: 'Boutique', currency: 'DZD' })) as { id: number };
    const saved = (await call('settings/update', {
      shopId: shop.id,
      patch: { llm: { baseUrl: server.baseUrl, model: 'm', apiKey: KEY } },
    })) as { llm: Record<string, unknown> };
    expect(saved.llm.apiKeySet).toBe(true);
    expect(saved.llm).not.toHaveProperty('apiKey');

    server.script(completion('OK', 5));
    const ok = (await call('settings/test-llm', { shopId: shop.id })) as { ok: boolean; message: string };
    expect(ok.ok).toBe(true);
    expect((ok as unknown as { notice: unknown }).notice).toEqual({
      code: 'test_connected',
      params: { model: expect.any(String), ms: expect.any(Number) },
    });
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

    // Real endpoints echo the key in 401 messages; the call must not pass it on.
    server.script({ kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}.` } } });
    const refused = (await call('settings/test-llm', { shopId: shop.id })) as { ok: boolean; message: string };
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/refused the API key \(401\)/);
    // The page words the code in the seller's language; the English message is for logs.
    expect((refused as unknown as { notice: unknown }).notice).toEqual({ code: 'bad_key', params: { host: expect.any(String) } });

    const unreachable = (await call('settings/test-llm', { shopId: shop.id, baseUrl: 'http://127.0.0.1:9/v1' })) as {
      ok: boolean;
      message: string;
    };
    expect(unreachable).toMatchObject({ ok: false });
    expect(unreachable.message).toMatch(/Could not reach 127\.0\.0\.1:9/);

    // The saved key never travels to an address other than the saved one.
    const before = server.requests.length;
    const elsewhere = (await call('settings/test-llm', { shopId: shop.id, baseUrl: 'https://collector.example/v1' })) as {
      ok: boolean;
      message: string;
    };
    expect(elsewhere).toMatchObject({
      ok: false,
      message: expect.stringMatching(/type it to test this address/),
      notice: { code: 'test_needs_key_typed', params: {} },
    });
    expect(server.requests.length).toBe(before);

    await call('settings/get', { shopId: shop.id });
    await call('settings/get-llm-usage', { shopId: shop.id });
    await call('guardrails/list-violations', { shopId: shop.id, limit: 10 });
    expect(outputs.length).toBeGreaterThan(5);
    for (const line of [...outputs, ...logs]) expect(line).not.toContain(KEY);
    expect(fs.readdirSync(dir).some((f) => f.endsWith('.sqlite'))).toBe(true);
  });

  it('forgets the key when the endpoint moves to another host without a new one', async () => {
    const shop = (await call('shops/create', { name: 'Move', currency: 'DZD' })) as { id: number };
    await call('settings/update', {
      shopId: shop.id,
      patch: { llm: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: KEY } },
    });
    const sameHost = (await call('settings/update', {
      shopId: shop.id,
      patch: { llm: { baseUrl: 'https://api.openai.com/v1/', model: 'gpt-4o' } },
    })) as { llm: { apiKeySet: boolean } };
    expect(sameHost.llm.apiKeySet).toBe(true);
    const moved = (await call('settings/update', { shopId: shop.id, patch: { llm: { baseUrl: 'https://openrouter.ai/api/v1' } } })) as {
      llm: { apiKeySet: boolean };
    };
    expect(moved.llm.apiKeySet).toBe(false);
    const withKey = (await call('settings/update', {
      shopId: shop.id,
      patch: { llm: { baseUrl: 'https://api.openai.com/v1', apiKey: KEY } },
    })) as { llm: { apiKeySet: boolean } };
    expect(withKey.llm.apiKeySet).toBe(true);
  });

  it('explains a missing endpoint or key in plain words', async () => {
    const shop = (await call('shops/create', { name: 'Vide', currency: 'DZD' })) as { id: number };
    expect(await call('settings/test-llm', { shopId: shop.id })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No endpoint address/),
      notice: { code: 'test_no_address', params: {} },
    });
    expect(await call('settings/test-llm', { shopId: shop.id, baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/needs an API key/),
    });
  });
});
