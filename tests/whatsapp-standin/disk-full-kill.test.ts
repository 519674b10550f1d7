import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { JOURNAL_DIR, JOURNAL_FILE } from '../../electron/core/pipeline/intake-journal';
import { DATABASE_FILE } from '../../electron/core/create-core';
import { bundleChild } from '../child-bundle';
import { trustStandin } from './harness';
import { createShop, linkThroughApp, startApp, until } from './app-harness';

const SELLER = '213550000031';
const CUSTOMER = '213660000031';
const CHILD = path.join(import.meta.dirname, 'disk-full-child.ts');
// The four child starts share one bundle of the child (tests/child-bundle.ts: under half tsx's start-up CPU).
let childBundle: Awaited<ReturnType<typeof bundleChild>> | null = null;
beforeAll(async () => {
  childBundle = await bundleChild(CHILD);
});
afterAll(() => childBundle?.remove());

interface Child {
  proc: ChildProcess;
  lines: string[];
  stderr: () => string;
  exited: Promise<void>;
}

const spawnChild = (standin: Standin, dataDir: string, env: Record<string, string>): Child => {
  if (!childBundle) throw new Error('the child is bundled in beforeAll');
  const proc = spawn(process.execPath, [childBundle.file, dataDir], {
    env: {
      ...process.env,
      SOUQ_LOG_LEVEL: 'silent',
      STANDIN_URL: standin.url,
      STANDIN_ROOT_KEY: Buffer.from(standin.rootPublicKey).toString('hex'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
  });
  proc.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return { proc, lines, stderr: () => stderr, exited };
};

const waitLine = async (child: Child, match: (line: string) => boolean, what: string, timeoutMs = 30_000) => {
  try {
    await until(() => child.lines.some(match), what, timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}; child said ${JSON.stringify(child.lines)}; stderr ${child.stderr().slice(-2000)}`, {
      cause: err,
    });
  }
};

/**
 * What must hold after the kill and the restart, as problems (empty = the message survived):
 * the inbound row is there once, one reply answers it, and the customer's phone shows one reply.
 */
export function checkSurvived(opts: { dataDir: string; id: string; repliesAtCustomer: number }): string[] {
  const db = new Database(path.join(opts.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const inbound = (
      db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'in' AND channel_message_id = ?").get(opts.id) as {
        n: number;
      }
    ).n;
    const replies = (db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'out' AND author = 'bot'").get() as { n: number }).n;
    const problems: string[] = [];
    if (inbound === 0) problems.push(`message ${opts.id} was not stored (lost)`);
    if (inbound > 1) problems.push(`message ${opts.id} was stored ${inbound} times`);
    if (replies !== 1) problems.push(`${replies} bot replies in the store, expected 1`);
    if (opts.repliesAtCustomer !== 1) problems.push(`${opts.repliesAtCustomer} replies at the customer, expected 1`);
    return problems;
  } finally {
    db.close();
  }
}

/**
 * Baileys sends WhatsApp's delivery receipt before core sees a message, so nothing will ever
 * redeliver it: a message the full disk refused must survive a kill -9 on our side.
 */
describe('stand-in, real socket: a message that arrives while the disk is full survives a kill', () => {
  let standin: Standin;
  let dataDir: string;
  const children: Child[] = [];

  beforeEach(async () => {
    standin = await startStandin();
    trustStandin(standin);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-wa-full-'));
    // Link the number through the app's own Connect flow, then close it: the children log in with those creds.
    const app = await startApp(standin, dataDir);
    const shop = await createShop(app);
    await linkThroughApp(app, standin, shop.id, SELLER);
    await app.core.close();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      await child.exited;
    }
    await standin.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const scenario = async (plant: Record<string, string>) => {
    const full = spawnChild(standin, dataDir, { SOUQ_FAIL_INBOUND: '1', ...plant });
    children.push(full);
    await waitLine(full, (l) => l === 'connected', 'the first run online');
    const customer = standin.customer(CUSTOMER);
    const hello = await standin.relay.customerSends(customer, SELLER, { conversation: 'Salam, 3andkom robe noire?' }, 'Amina');
    await waitLine(full, (l) => /^storage disk_full [1-9]/.test(l), 'the message held as the disk is full');
    // WhatsApp was already told "delivered": the server will not send this message again.
    await until(() => customer.receipts.some((r) => r.id === hello.id), 'the delivery receipt Baileys sent');
    full.proc.kill('SIGKILL');
    await full.exited;
    const journal = path.join(dataDir, JOURNAL_DIR, JOURNAL_FILE);
    const journalled = fs.existsSync(journal) && fs.readFileSync(journal, 'utf8').includes(hello.id);

    // The disk has room again; the same folder starts again.
    const again = spawnChild(standin, dataDir, plant);
    children.push(again);
    await waitLine(again, (l) => l === 'drained', 'the restarted run drained');
    await until(() => customer.chat(SELLER).some((b) => !b.fromMe), 'a reply at the customer', 3_000).catch(() => undefined);
    // Long enough for a duplicate send to show up too.
    await new Promise((r) => setTimeout(r, 300));
    again.proc.kill('SIGTERM');
    await again.exited;
    const problems = checkSurvived({ dataDir, id: hello.id, repliesAtCustomer: customer.chat(SELLER).filter((b) => !b.fromMe).length });
    return { problems, journalled, relayErrors: standin.relay.errors };
  };

  it('journalled before the kill; the next start stores it and answers it exactly once', async () => {
    const { problems, journalled, relayErrors } = await scenario({});
    expect(journalled).toBe(true);
    expect(problems).toEqual([]);
    expect(relayErrors).toEqual([]);
  }, 90_000);

  it('planted bug: without the journal the checker reports the message lost', async () => {
    const { problems, journalled } = await scenario({ SOUQ_PLANT_BUG: 'no-journal' });
    expect(journalled).toBe(false);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/was not stored \(lost\)/)]));
  }, 90_000);
});
