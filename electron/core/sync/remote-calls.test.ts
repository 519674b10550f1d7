import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import { openDatabase, type Store } from '../database';
import { silentLogger } from '../ports';
import { DEVICE_CALLS, DEVICE_EVENTS } from './allowlist';
import { makeCommandsRepo } from './commands-repo';
import { makeRemoteCalls } from './remote-calls';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function setup() {
  store = await openDatabase({ file: ':memory:' });
  const commands = makeCommandsRepo(store.sqlite);
  const dispatched: { name: string; input: unknown }[] = [];
  let answer: Envelope<unknown> = { ok: true, value: { id: 1 } };
  const run = makeRemoteCalls({
    dispatch: (name, input) => {
      dispatched.push({ name, input });
      return Promise.resolve(answer);
    },
    commands,
    clock: { now: () => new Date('2026-12-01T10:00:00Z') },
    logger: silentLogger,
  });
  return { run, commands, dispatched, setAnswer: (a: Envelope<unknown>) => (answer = a) };
}

describe('commands from a paired device', () => {
  it('refuses a call outside the allowlist, without dispatching it, and audits the refusal', async () => {
    const { run, commands, dispatched } = await setup();
    for (const name of ['settings/get', 'settings/update', 'wa/start-link', 'desktop/export-diagnostics', 'contacts/delete', 'nope']) {
      const answer = await run(7, { commandId: `c-${name}`, name, input: { shopId: 1 } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(dispatched).toEqual([]);
    expect(commands.get(7, 'c-settings/update')).toMatchObject({ state: 'refused', errorCode: 'unauthorized', deviceId: 7 });
  });

  it('runs a write once per command id: a retried command gets the first answer, never a second send', async () => {
    const { run, commands, dispatched } = await setup();
    const command = { commandId: 'k1', name: 'conversations/reply', input: { shopId: 1, conversationId: 2, text: 'hi' } };
    const first = await run(3, command);
    const again = await run(3, command);
    expect(first).toEqual({ ok: true, value: { id: 1 } });
    expect(again).toEqual(first);
    expect(dispatched).toHaveLength(1);
    expect(commands.get(3, 'k1')).toMatchObject({ state: 'done', name: 'conversations/reply', deviceId: 3 });
    // The same id from another device is another command.
    await run(4, command);
    expect(dispatched).toHaveLength(2);
  });

  it('keeps the error of a command that no longer applies (draft already approved) and answers it again', async () => {
    const { run, commands, setAnswer } = await setup();
    setAnswer({ ok: false, error: { code: 'conflict', message: 'This reply is no longer waiting for approval' } });
    const answer = await run(3, { commandId: 'a1', name: 'drafts/approve', input: { shopId: 1, messageId: 9 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(commands.get(3, 'a1')).toMatchObject({ state: 'failed', errorCode: 'conflict' });
    expect(await run(3, { commandId: 'a1', name: 'drafts/approve', input: {} })).toEqual(answer);
  });

  it('never runs a command claimed but unfinished (core stopped mid-command)', async () => {
    const { run, commands, dispatched } = await setup();
    commands.claim(3, 'half', 'conversations/reply', '2026-12-01T09:00:00Z');
    const answer = await run(3, { commandId: 'half', name: 'conversations/reply', input: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dispatched).toEqual([]);
  });

  it('runs reads each time without auditing them', async () => {
    const { run, commands, dispatched } = await setup();
    await run(3, { commandId: 'r', name: 'conversations/list', input: { shopId: 1 } });
    await run(3, { commandId: 'r', name: 'conversations/list', input: { shopId: 1 } });
    expect(dispatched).toHaveLength(2);
    expect(commands.recent()).toEqual([]);
  });

  it('lets no device read or change settings, keys or linking, and sends it no settings events', () => {
    for (const name of DEVICE_CALLS) expect(name).not.toMatch(/^(settings|wa|desktop|catalog|knowledge|learning|contacts|analytics)\//);
    for (const name of DEVICE_EVENTS) expect(name).not.toMatch(/^(settings|accounts|wa|desktop|learning)\//);
  });
});

describe('a copy of a command that arrives while the first still runs', () => {
  it('gets the first answer, and the call runs once', async () => {
    store = await openDatabase({ file: ':memory:' });
    const commands = makeCommandsRepo(store.sqlite);
    let release: (v: Envelope<unknown>) => void = () => undefined;
    let runs = 0;
    const run = makeRemoteCalls({
      dispatch: () => {
        runs += 1;
        return new Promise((resolve) => (release = resolve));
      },
      commands,
      clock: { now: () => new Date('2026-12-01T10:00:00Z') },
      logger: silentLogger,
    });
    const command = { commandId: 'dup12345', name: 'drafts/approve', input: { shopId: 1, messageId: 2 } };
    const first = run(1, command);
    const second = run(1, command);
    release({ ok: true, value: 'sent' });
    expect(await first).toEqual({ ok: true, value: 'sent' });
    expect(await second).toEqual({ ok: true, value: 'sent' });
    expect(runs).toBe(1);
  });
});
