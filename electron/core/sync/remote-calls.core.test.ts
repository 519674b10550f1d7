import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../ports';
import { call, makeTempCore } from '../test-utils/temp-core';
import { makeCommandsRepo } from './commands-repo';
import { makeRemoteCalls } from './remote-calls';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('a device command takes the path of a local call', () => {
  it('is validated by the same zod schemas, answered by the same handlers, and sync is off in a fresh core', async () => {
    const temp = await makeTempCore();
    cleanup = temp.cleanup;
    const { core } = temp;
    expect(core.sync.status()).toMatchObject({ enabled: false, connection: 'off' });
    const shop = await call<{ id: number }>(core, 'shops/create', { name: 'Nour', currency: 'DZD' });
    const { conversationId } = await call<{ conversationId: number }>(core, 'testphone/send', {
      shopId: shop.id,
      from: '+213550000009',
      text: 'salam',
    });
    const run = makeRemoteCalls({
      dispatch: (name, input) => core.app.dispatch(name, input),
      commands: makeCommandsRepo(core.ctx.store.sqlite),
      clock: core.ctx.clock,
      logger: silentLogger,
    });
    // The contract's own messages: an empty reply, an order status that does not exist, an extra field.
    expect(
      await run(1, { commandId: 'empty-text', name: 'conversations/reply', input: { shopId: shop.id, conversationId, text: '  ' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('empty') },
    });
    expect(
      await run(1, { commandId: 'bad-status', name: 'orders/set-status', input: { shopId: shop.id, orderId: 1, status: 'stolen' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await run(1, {
        commandId: 'extra-field',
        name: 'conversations/set-takeover',
        input: { shopId: shop.id, conversationId, takeover: true, as: 'admin' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const taken = await run(1, {
      commandId: 'takeover-1',
      name: 'conversations/set-takeover',
      input: { shopId: shop.id, conversationId, takeover: true },
    });
    expect(taken).toMatchObject({ ok: true, value: { id: conversationId, takeover: true } });
    const reply = await run(1, {
      commandId: 'reply-1',
      name: 'conversations/reply',
      input: { shopId: shop.id, conversationId, text: 'Bienvenue' },
    });
    expect(reply).toMatchObject({ ok: true, value: { text: 'Bienvenue', author: 'seller' } });
    // The audit trail names the device and the outcome of each write.
    const rows = core.ctx.store.sqlite.prepare('SELECT device_id, command_id, state, error_code FROM sync_commands ORDER BY rowid').all();
    expect(rows).toEqual([
      { device_id: 1, command_id: 'empty-text', state: 'failed', error_code: 'invalid_input' },
      { device_id: 1, command_id: 'bad-status', state: 'failed', error_code: 'invalid_input' },
      { device_id: 1, command_id: 'extra-field', state: 'failed', error_code: 'invalid_input' },
      { device_id: 1, command_id: 'takeover-1', state: 'done', error_code: null },
      { device_id: 1, command_id: 'reply-1', state: 'done', error_code: null },
    ]);
  });
});
