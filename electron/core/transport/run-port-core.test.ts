import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { FromCoreMessage, ToCoreMessage } from '../../../shared/contract/port-protocol';
import { noPacing } from '../pipeline/policies';
import { silentLogger } from '../ports';
import { decodeEncryptionKey, runPortCore } from './run-port-core';

const dirs: string[] = [];
const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function start() {
  const { port1: main, port2: core } = new MessageChannel();
  ports.push(main, core);
  const received: FromCoreMessage[] = [];
  main.on('message', (message: FromCoreMessage) => received.push(message));
  const exits: number[] = [];
  const running = runPortCore({
    port: core,
    makeLogger: () => silentLogger,
    exit: (code) => exits.push(code),
    coreConfig: { pacing: noPacing },
  });
  const send = (message: ToCoreMessage) => main.postMessage(message);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(check()).toBe(true);
  };
  return { running, received, exits, send, until };
}

describe('runPortCore', () => {
  it('starts on init, answers calls by id, forwards notifications, and exits 0 after shutdown', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-port-'));
    dirs.push(dataDir);
    const { running, received, exits, send, until } = start();
    send({ type: 'call', id: 1, name: 'system/ping', input: { echo: 'too early' } });
    send({ type: 'init', dataDir });
    const core = await running;
    expect(core).not.toBeNull();
    await until(() => received.some((m) => m.type === 'ready'));
    send({ type: 'call', id: 7, name: 'system/get-info', input: {} });
    core!.ctx.notifier.notify({ code: 'escalated', params: { conversationId: 3 } });
    await until(() => received.some((m) => m.type === 'result' && m.id === 7) && received.some((m) => m.type === 'notify'));
    expect(received.find((m) => m.type === 'result' && m.id === 7)).toMatchObject({ envelope: { ok: true, value: { dataDir } } });
    expect(received.find((m) => m.type === 'notify')).toEqual({
      type: 'notify',
      notice: { code: 'escalated', params: { conversationId: 3 } },
    });
    send({ type: 'shutdown' });
    await until(() => exits.length > 0);
    expect(exits).toEqual([0]);
  });

  it('reports fatal with a readable message and exits 1 when the data directory cannot be opened', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-port-')), 'not-a-dir');
    dirs.push(path.dirname(file));
    fs.writeFileSync(file, 'I am a file');
    const { running, received, exits, send, until } = start();
    send({ type: 'init', dataDir: file });
    expect(await running).toBeNull();
    await until(() => received.some((m) => m.type === 'fatal'));
    const fatal = received.find((m) => m.type === 'fatal');
    expect(fatal && fatal.type === 'fatal' && fatal.message.length).toBeGreaterThan(0);
    expect(exits).toEqual([1]);
  });
});

describe('decodeEncryptionKey', () => {
  it('accepts exactly 32 bytes of base64 and ignores anything else', () => {
    const key = Buffer.alloc(32, 7);
    expect(decodeEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(decodeEncryptionKey(Buffer.alloc(16).toString('base64'))).toBeUndefined();
    expect(decodeEncryptionKey(undefined)).toBeUndefined();
    expect(decodeEncryptionKey('')).toBeUndefined();
  });
});
