// The relay's stored bytes hold no plaintext: run the relay as its own process (as in production), pass sealed
// traffic through it, then grep its SQLite file, its WAL and a heap snapshot of its process for the message text and
// the customer's phone number. Planted: a client that forgets to seal, which the same check must catch.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIdentity, seal, nextCounter } from '../../shared/relay/index';
import { connectRelay, type RelayClient } from './client';
import { dumpProcessMemory, findPlaintext } from './test-utils/leaks';
import { freePort } from './test-utils/nats-server';
import { pairPhone } from './test-utils/pair';

const TEXT = 'the red kaftan is 250 MAD, delivery to Derb Sultan tomorrow';
const PHONE = '+212661234567';
const NEEDLES = [TEXT, 'red kaftan', PHONE, '661234567'];

const dir = mkdtempSync(join(tmpdir(), 'relay-leak-'));
const db = join(dir, 'relay.sqlite');
let child: ChildProcess | undefined;
const clients: RelayClient[] = [];

afterAll(() => {
  for (const c of clients) c.close();
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function startRelayProcess(): Promise<string> {
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`, 'relay/src/main.ts'], {
    env: { ...process.env, RELAY_DB: db, RELAY_PORT: String(port), RELAY_IP_CONNECTION_BURST: '1000', RELAY_NATS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`relay did not start: ${out}`)), 20_000);
    child!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('relay listening on')) {
        clearTimeout(timer);
        ok();
      }
    });
    child!.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child!.once('exit', (code) => fail(new Error(`relay exited ${code}: ${out}`)));
  });
  return `ws://127.0.0.1:${port}`;
}

/** SIGUSR2 → the relay writes a heap snapshot; wait until the file stops growing. */
async function heapSnapshot(): Promise<string> {
  const before = new Set(readdirSync(dir));
  child!.kill('SIGUSR2');
  const deadline = Date.now() + 60_000;
  let last = -1;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (!file) continue;
    const size = statSync(join(dir, file)).size;
    if (size > 0 && size === last) return join(dir, file);
    last = size;
  }
  throw new Error('no heap snapshot');
}

const storeFiles = (): string[] => [db, `${db}-wal`].filter((f) => existsSync(f));

/** The whole process's memory, when /proc allows it (it does here: same user). */
function memoryDump(name: string): string[] {
  const file = dumpProcessMemory(child!.pid!, join(dir, name));
  if (!file) process.stderr.write('relay leak test: /proc/<pid>/mem not readable, checking the heap snapshot only\n');
  return file ? [file] : [];
}

describe('relay: no plaintext at rest or in memory', () => {
  it('sealed traffic leaves no text or phone number; an unsealed body (planted) is caught', async () => {
    const url = await startRelayProcess();
    const desktopId = generateIdentity();
    const desktop = await connectRelay(url, desktopId, { create: true });
    clients.push(desktop);
    const { phone, phoneId } = await pairPhone(desktop, desktopId, url);
    clients.push(phone);

    const message = JSON.stringify({ kind: 'message', from: PHONE, text: TEXT });
    let counter = 0;
    desktop.send({
      t: 'send',
      ref: 'live',
      items: [{ to: phoneId.deviceId, body: seal(message, desktopId.boxSecret, phoneId.boxPublic, (counter = nextCounter(counter))) }],
    });
    const got = await phone.next('deliver');
    phone.send({ t: 'ack', ids: [got.id] });
    phone.send({
      t: 'send',
      ref: 'reply',
      items: [{ to: desktopId.deviceId, body: seal(`reply to ${PHONE}: ${TEXT}`, phoneId.boxSecret, desktopId.boxPublic, 1) }],
    });
    await desktop.next('deliver');
    // Two more wait in the phone's mailbox (it is offline): stored ciphertext, on disk.
    phone.close();
    await phone.closed;
    desktop.send({
      t: 'send',
      ref: 'mailbox',
      items: [1, 2].map(() => ({
        to: phoneId.deviceId,
        body: seal(message, desktopId.boxSecret, phoneId.boxPublic, (counter = nextCounter(counter))),
      })),
    });
    expect((await desktop.next('sent')).ids).toHaveLength(1);
    expect((await desktop.next('sent')).ids).toHaveLength(2);

    const clean = [...storeFiles(), await heapSnapshot(), ...memoryDump('clean.mem')];
    expect(clean.length).toBeGreaterThanOrEqual(2);
    expect(findPlaintext(clean, NEEDLES)).toEqual([]);

    // Planted: a device that forgets to seal. The relay now holds plaintext, and the same check must say so.
    const again = await connectRelay(url, phoneId);
    clients.push(again);
    again.send({ t: 'send', ref: 'bug', items: [{ to: desktopId.deviceId, body: `unsealed reply to ${PHONE}: ${TEXT}` }] });
    await desktop.next('deliver');
    const dirty = [...storeFiles(), ...memoryDump('dirty.mem')];
    const leaks = findPlaintext(dirty, NEEDLES);
    expect(leaks.some((l) => l.file.includes('relay.sqlite') && l.needle === TEXT)).toBe(true);
    if (dirty.some((f) => f.endsWith('.mem'))) expect(leaks.some((l) => l.file.endsWith('dirty.mem') && l.needle === PHONE)).toBe(true);
  }, 120_000);
});
