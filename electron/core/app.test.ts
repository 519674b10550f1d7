import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract';
import type { Core } from './create-core';
import { makeTempCore } from './test-utils/temp-core';
import { APP_VERSION } from './version';
import pkg from '../../package.json' with { type: 'json' };

let core: Core;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ core, cleanup } = await makeTempCore());
});
afterAll(() => cleanup());

describe('the composed core', () => {
  it('has a handler for every contract call', () => {
    expect(core.app.missing()).toEqual([]);
    expect(callNames.length).toBeGreaterThan(40);
  });

  it('validates every input at the boundary and answers typed errors, never throwing', async () => {
    for (const bad of [undefined, null, 42, 'x', [], { shopId: -1 }, { shopId: 'one' }]) {
      for (const name of ['shops/rename', 'conversations/list', 'settings/update', 'catalog/list', 'orders/list']) {
        const envelope = await core.app.dispatch(name, bad);
        expect(envelope.ok, `${name} ${JSON.stringify(bad)}`).toBe(false);
        if (!envelope.ok) expect(['invalid_input', 'not_found']).toContain(envelope.error.code);
      }
    }
    expect(await core.app.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await core.app.dispatch('shops/create', { name: 'x', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/extra/) },
    });
  });

  it('reports a missing shop as not_found', async () => {
    expect(await core.app.dispatch('settings/get', { shopId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('never returns the API key', async () => {
    const shop = await core.app.dispatch('shops/create', { name: 'K' });
    if (!shop.ok) throw new Error('no shop');
    const id = (shop.value as { id: number }).id;
    const saved = await core.app.dispatch('settings/update', {
      shopId: id,
      patch: { llm: { apiKey: 'sk-secret-123', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' } },
    });
    expect(JSON.stringify(saved)).not.toMatch(/sk-secret-123/);
    expect(saved).toMatchObject({ ok: true, value: { llm: { apiKeySet: true } } });
    const db = core.ctx.store.sqlite.prepare('SELECT doc FROM settings').all();
    expect(JSON.stringify(db)).not.toMatch(/sk-secret-123/);
  });

  it('keeps the version in step with package.json', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
