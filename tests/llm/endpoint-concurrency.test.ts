import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/create-core';
import { LOCAL_TURNS, turnLimitFor } from '../../electron/core/pipeline/endpoint-limits';
import type { LlmTestResult } from '../../shared/domain/llm';

/**
 * An OpenAI-compatible server on 127.0.0.1 that works on at most `parallel` requests at once,
 * each for `ms`, and queues the rest (what Ollama's OLLAMA_NUM_PARALLEL or LM Studio do).
 */
async function startLimitedServer(parallel: number, ms: number) {
  let active = 0;
  let peak = 0;
  const queue: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const work = () => {
        active += 1;
        peak = Math.max(peak, active);
        setTimeout(() => {
          active -= 1;
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id: 'chatcmpl-1',
              object: 'chat.completion',
              created: 1_700_000_000,
              model: 'local',
              choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'OK' } }],
              usage: { prompt_tokens: 8, completion_tokens: 1, total_tokens: 9 },
            }),
          );
          queue.shift()?.();
        }, ms);
      };
      if (active < parallel) work();
      else queue.push(work);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    peak: () => peak,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let core: Core | undefined;
let dir: string | undefined;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await core?.close();
  await close?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  core = undefined;
  close = undefined;
  dir = undefined;
});

async function testConnection(parallel: number) {
  const server = await startLimitedServer(parallel, 300);
  close = server.close;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-llm-concurrency-'));
  core = await createCore({ dataDir: dir, paused: true });
  const shop = await core.ctx.repos.shops.create({ name: 'S', currency: 'DZD', now: new Date().toISOString() });
  const saved = await core.app.dispatch('settings/update', {
    shopId: shop.id,
    patch: { llm: { baseUrl: server.baseUrl, model: 'local' } },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const answer = await core.app.dispatch('settings/test-llm', { shopId: shop.id });
  if (!answer.ok) throw new Error(answer.error.message);
  return { result: answer.value as LlmTestResult, settings: await core.ctx.repos.settings.get(shop.id), server };
}

describe('LLM concurrency measured at "test connection"', () => {
  it('a local server that answers one at a time is measured as 1, and the turn gate uses it', async () => {
    const { result, settings } = await testConnection(1);
    expect(result).toMatchObject({ ok: true, concurrency: 1 });
    expect(settings.llm.measuredConcurrency).toEqual({ baseUrl: expect.stringContaining('127.0.0.1') as string, turns: 1 });
    expect(turnLimitFor(settings.llm).limit).toBe(1);
  });

  it('a local server that answers four at once is measured as 4', async () => {
    const { result, settings, server } = await testConnection(4);
    expect(result.concurrency).toBe(4);
    expect(server.peak()).toBe(4); // the probe did send more than four at once: the server queued them
    expect(turnLimitFor(settings.llm).limit).toBe(4);
    // The seller's own number wins; another address falls back to the default by kind.
    expect(turnLimitFor({ ...settings.llm, concurrency: 3 }).limit).toBe(3);
    expect(turnLimitFor({ ...settings.llm, baseUrl: 'http://127.0.0.1:1/v1' }).limit).toBe(LOCAL_TURNS);
  });
});
