/**
 * RSS growth per open WhatsApp session: 100 real Baileys sockets, each with its own SQLite auth
 * state (our sealed store), linked through the loopback stand-in and logged in until `open`.
 * The stand-in and the linking run in this process; the sockets are measured in a child node
 * started with `--expose-gc`, so the number holds only what the sessions themselves cost.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Browsers, WA_CERT_DETAILS, makeWASocket, type ConnectionState, type WASocket } from '@whiskeysockets/baileys';
import pino from 'pino';
import { makeSqliteAuthState } from '../electron/core/channels/whatsapp/auth-store';
import { makeCryptoBox, type CryptoBox } from '../electron/core/host/crypto-box';
import { openDatabase, type Store } from '../electron/core/database';
import { startStandin, type Standin } from '../electron/core/channels/whatsapp/test-utils/standin';

export interface WhatsAppBench {
  mb_per_session: number;
  sessions: number;
}

const SESSIONS = Number(process.env.SOUQ_WA_BENCH_SESSIONS ?? 100);
const BATCH = 10;
const CHILD_FLAG = 'SOUQ_WA_BENCH_CHILD';
const logger = pino({ level: 'silent' });

const waitFor = (sock: WASocket, match: (u: Partial<ConnectionState>) => boolean, timeoutMs = 60_000): Promise<Partial<ConnectionState>> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench: socket did not reach the expected state')), timeoutMs);
    sock.ev.on('connection.update', (u) => {
      if (match(u)) {
        clearTimeout(timer);
        resolve(u);
      }
    });
  });

/** The socket options our session uses (session.ts), pointed at the stand-in. */
const socketFor = (url: string, store: Store, box: CryptoBox, accountId: number): WASocket => {
  const auth = makeSqliteAuthState({ sqlite: store.sqlite, accountId, box, now: () => new Date().toISOString() });
  const sock = makeWASocket({
    waWebSocketUrl: url,
    auth: auth.state,
    logger,
    browser: Browsers.appropriate('Chrome'),
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
  });
  sock.ev.on('creds.update', () => auth.saveCreds());
  return sock;
};

const inBatches = async (ids: number[], work: (id: number) => Promise<void>): Promise<void> => {
  for (let i = 0; i < ids.length; i += BATCH) await Promise.all(ids.slice(i, i + BATCH).map(work));
};

const settle = async (): Promise<{ rss: number; heap: number }> => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heap: heapUsed + external + arrayBuffers };
};

interface Prepared {
  dbFile: string;
  url: string;
  rootKey: string;
  boxKey: string;
  accountIds: number[];
}

/**
 * Parent side: the stand-in and the linking run here, so the measured child holds nothing but
 * the sockets. One extra account warms the child up (module-level caches, WebAssembly) before
 * the baseline is taken.
 */
async function prepare(standin: Standin, dir: string): Promise<Prepared> {
  const dbFile = path.join(dir, 'bench.sqlite');
  const store = await openDatabase({ file: dbFile });
  const boxKey = randomBytes(32);
  const sealing = makeCryptoBox(boxKey);
  const now = new Date().toISOString();
  const shopId = Number(
    store.sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('bench', 'DZD', ?)`).run(now).lastInsertRowid,
  );
  const accountIds: number[] = [];
  for (let i = 0; i <= SESSIONS; i++) {
    const info = store.sqlite
      .prepare(`INSERT INTO accounts (shop_id, channel, label, created_at) VALUES (?, 'whatsapp', ?, ?)`)
      .run(shopId, `bench ${i}`, now);
    accountIds.push(Number(info.lastInsertRowid));
  }
  // Link every account (QR → pair-success → 515), leaving sealed creds in SQLite.
  await inBatches(accountIds, async (accountId) => {
    const sock = socketFor(standin.url, store, sealing, accountId);
    const { qr } = await waitFor(sock, (u) => !!u.qr);
    await standin.link(qr!, `21355${String(accountId).padStart(7, '0')}`);
    await waitFor(sock, (u) => u.connection === 'close');
  });
  await store.close();
  return { dbFile, url: standin.url, rootKey: standin.rootPublicKey.toString('hex'), boxKey: boxKey.toString('hex'), accountIds };
}

/** Child side: open the warm-up session, take the baseline, open the rest, measure. */
async function measure(prepared: Prepared): Promise<WhatsAppBench> {
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(prepared.rootKey, 'hex');
  const store = await openDatabase({ file: prepared.dbFile });
  const box = makeCryptoBox(Buffer.from(prepared.boxKey, 'hex'));
  const [warmup, ...ids] = prepared.accountIds;
  const open: WASocket[] = [];
  const openOne = async (accountId: number): Promise<void> => {
    const sock = socketFor(prepared.url, store, box, accountId);
    await waitFor(sock, (u) => u.connection === 'open');
    open.push(sock);
  };
  await openOne(warmup!);
  const before = await settle();
  await inBatches(ids, openOne);
  await new Promise((r) => setTimeout(r, 1_000));
  const after = await settle();
  const sessions = open.length - 1;
  const perSession = (bytes: number): number => Math.round((bytes / sessions / 1024 / 1024) * 100) / 100;
  // JS heap + external buffers, for reading next to RSS (not part of the result).
  process.stderr.write(
    `whatsapp bench: heap+external ${perSession(after.heap - before.heap)} MB/session, rss ${perSession(after.rss - before.rss)} MB/session\n`,
  );
  for (const sock of open) void sock.end(undefined);
  await store.close();
  return { mb_per_session: perSession(after.rss - before.rss), sessions };
}

/** Runs `measure` under `node --expose-gc --import tsx` and reads the JSON line it prints. */
const inChild = (prepared: Prepared): Promise<WhatsAppBench> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD_FLAG]: JSON.stringify(prepared) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`whatsapp bench child exited with ${code}`));
      try {
        resolve(JSON.parse(last) as WhatsAppBench);
      } catch {
        reject(new Error(`whatsapp bench child printed no result: ${last}`));
      }
    });
  });

export async function run(): Promise<WhatsAppBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-wa-bench-'));
  const standin = await startStandin({ keepLog: false, pairDeviceRefs: 1 });
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(standin.rootPublicKey);
  try {
    return await inChild(await prepare(standin, dir));
  } finally {
    await standin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const childJob = process.env[CHILD_FLAG];
if (childJob) {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') throw new Error('the whatsapp bench child needs --expose-gc');
  measure(JSON.parse(childJob) as Prepared)
    .then((result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
      process.exit(1);
    });
}
