import { describe, expect, it } from 'vitest';
import { LlmSettings } from '../../../shared/domain/settings';
import { HOSTED_TURNS, LOCAL_TURNS, OFFLINE_TURNS, makeEndpointGates, turnLimitFor } from './endpoint-limits';

const llm = (patch: Partial<ReturnType<typeof LlmSettings.parse>>) => LlmSettings.parse(patch);

describe('turns in flight per endpoint', () => {
  it('defaults by kind: hosted high, a server on this computer or the LAN low, the offline brain its own', () => {
    expect(turnLimitFor(llm({ baseUrl: 'https://openrouter.ai/api/v1', model: 'm' }))).toEqual({
      key: 'llm:https://openrouter.ai/api/v1',
      limit: HOSTED_TURNS,
    });
    expect(turnLimitFor(llm({ baseUrl: 'http://127.0.0.1:11434/v1/', model: 'qwen' }))).toEqual({
      key: 'llm:http://127.0.0.1:11434/v1',
      limit: LOCAL_TURNS,
    });
    expect(turnLimitFor(llm({ baseUrl: 'http://192.168.1.20:1234/v1', model: 'm' })).limit).toBe(LOCAL_TURNS);
    expect(turnLimitFor(llm({}))).toEqual({ key: 'offline', limit: OFFLINE_TURNS });
  });

  it('uses the seller-set number when there is one', () => {
    expect(turnLimitFor(llm({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen', concurrency: 6 })).limit).toBe(6);
  });

  it('holds turns of one endpoint to its limit and never makes another endpoint wait', async () => {
    const gates = makeEndpointGates();
    const releases: Array<() => void> = [];
    const slow = () => new Promise<void>((resolve) => releases.push(resolve));
    let maxLocal = 0;
    const local = Array.from({ length: 6 }, () =>
      gates.run('local', 2, async () => {
        maxLocal = Math.max(maxLocal, gates.active('local'));
        await slow();
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(gates.active('local')).toBe(2);
    // Another endpoint goes straight through while the local one is saturated.
    await expect(gates.run('hosted', 64, async () => 'done')).resolves.toBe('done');
    while (releases.length) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(local);
    expect(maxLocal).toBe(2);
    expect(gates.active('local')).toBe(0);
  });
});
