import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract/errors';
import { makeBotSwitch } from './bot-switch';

/** Core's side as far as the switch sees it: shops and their bot.aiEnabled. */
function fakeCore(aiEnabled: Record<number, boolean>) {
  const updates: unknown[] = [];
  const call = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    const shopId = (input as { shopId?: number }).shopId ?? 0;
    if (name === 'shops/list') return { ok: true, value: Object.keys(aiEnabled).map((id) => ({ id: Number(id) })) };
    if (name === 'settings/get') return { ok: true, value: { bot: { aiEnabled: aiEnabled[shopId] } } };
    if (name === 'settings/update') {
      updates.push(input);
      aiEnabled[shopId] = (input as { patch: { bot: { aiEnabled: boolean } } }).patch.bot.aiEnabled;
      return { ok: true, value: {} };
    }
    return { ok: false, error: { code: 'unknown_method', message: name } };
  };
  return { call, updates, aiEnabled };
}

describe("the tray's pause / resume of the bot", () => {
  it('pauses every shop when the bot runs on any, resumes every shop when all are off, and reports each change', async () => {
    const core = fakeCore({ 1: true, 2: false });
    const changes: boolean[] = [];
    const bot = makeBotSwitch({ call: core.call, onChange: (paused) => changes.push(paused) });
    expect(await bot.refresh()).toBe(false); // shop 1 still answers
    expect(await bot.toggle()).toBe(true);
    expect(core.aiEnabled).toEqual({ 1: false, 2: false });
    expect(await bot.toggle()).toBe(false);
    expect(core.aiEnabled).toEqual({ 1: true, 2: true });
    expect(changes).toEqual([true, false]);
  });

  it('follows a change made in Settings (refresh after settings/changed), and a core error is thrown, not swallowed', async () => {
    const core = fakeCore({ 1: true });
    const bot = makeBotSwitch({ call: core.call, onChange: () => undefined });
    await bot.refresh();
    core.aiEnabled[1] = false;
    expect(await bot.refresh()).toBe(true);
    expect(bot.paused()).toBe(true);
    const broken = makeBotSwitch({
      call: async () => ({ ok: false, error: { code: 'internal', message: 'x' } }),
      onChange: () => undefined,
    });
    await expect(broken.refresh()).rejects.toThrow('shops/list: internal');
  });

  it('no shop yet: not paused', async () => {
    const bot = makeBotSwitch({ call: fakeCore({}).call, onChange: () => undefined });
    expect(await bot.refresh()).toBe(false);
  });
});
