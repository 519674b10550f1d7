import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../database';
import { makeCommandsRepo } from './commands-repo';

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
});
afterEach(() => store.close());

describe('sync commands repository', () => {
  it('claims a (device, command) once, finishes only that row, and lists the newest first (ties by arrival), limited', () => {
    const commands = makeCommandsRepo(store.sqlite);
    expect(commands.claim(1, 'c1', 'drafts/approve', 't1')).toBe(true);
    expect(commands.claim(1, 'c1', 'drafts/approve', 't9')).toBe(false);
    // The same command id from another device is another command.
    expect(commands.claim(2, 'c1', 'conversations/reply', 't1')).toBe(true);
    expect(commands.claim(1, 'c2', 'orders/confirm', 't2')).toBe(true);

    commands.finish(1, 'c1', 'failed', 'not_found', '{"ok":false}', 't3');
    expect(commands.get(1, 'c1')).toEqual({
      deviceId: 1,
      commandId: 'c1',
      name: 'drafts/approve',
      state: 'failed',
      errorCode: 'not_found',
      answer: '{"ok":false}',
      receivedAt: 't1',
      finishedAt: 't3',
    });
    expect(commands.get(2, 'c1')).toMatchObject({ state: 'running', errorCode: null, answer: null, finishedAt: null });
    expect(commands.get(3, 'c1')).toBeNull();

    expect(commands.recent().map((c) => `${c.deviceId}/${c.commandId}`)).toEqual(['1/c2', '2/c1', '1/c1']);
    expect(commands.recent(2).map((c) => `${c.deviceId}/${c.commandId}`)).toEqual(['1/c2', '2/c1']);
  });
});
