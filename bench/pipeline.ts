import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type SQLite from 'better-sqlite3';
import type { Channel } from '../electron/core/channels/types';
import { type Core, createCore } from '../electron/core/create-core';
import { openDatabase } from '../electron/core/database';
import { makeMessageSearchIndex } from '../electron/core/store/message-search-index';
import { noPacing, noRateLimits } from '../electron/core/pipeline/policies';
import { makeDeterministicBrain } from '../electron/core/test-utils/deterministic-brain';
import { makePipelineStore } from '../electron/core/pipeline/pipeline-store';

export interface PipelineBench {
  p50_ms: number;
  p99_ms: number;
  throughput_per_s: number;
  raw_sqlite_per_s: number;
  ratio: number;
  stored_messages: number;
  /** Reply p99 at a steady 10 customer messages a second, with the inbox closed and with it open. */
  p99_10ps_ms: number;
  p99_10ps_inbox_open_ms: number;
  /** Share of core's thread the inbox's list calls took while open (its refresh pattern). */
  inbox_share: number;
  /** accept() call → its promise (the commit holding it): a lone message, and under the throughput burst. */
  accept_p99_ms: number;
  accept_burst_p99_ms: number;
  /** Messages per accept commit in the throughput run (group commit). */
  accept_batch_mean: number;
  /** WAL written per accepted message on the accept path alone: one commit each vs group-committed. */
  accept_wal_pages_alone: number;
  accept_wal_pages_batched: number;
  accept_wal_bytes_alone: number;
  accept_wal_bytes_batched: number;
}

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `souq-bench-${name}-`));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

/** A channel that "sends" instantly and reports when each id went out. */
function timingChannel(onSent: (id: string) => void, onSentTo?: (to: string) => void): Channel {
  return {
    kind: 'simulator',
    async send(message) {
      onSent(message.channelMessageId);
      onSentTo?.(message.to);
    },
  };
}

async function benchCore(dataDir: string, acceptBatch?: { maxBatch: number }): Promise<Core> {
  return createCore({
    ...(acceptBatch && { acceptBatch }),
    dataDir,
    brain: makeDeterministicBrain(),
    rateLimits: noRateLimits,
    pacing: noPacing,
    simulator: { fsync: false, receipts: false },
  });
}

/** Fills the store with `count` messages over many conversations, straight through SQL. */
function seedMessages(sqlite: SQLite.Database, shopId: number, accountId: number, count: number): void {
  const now = new Date().toISOString();
  const conversations = 20_000;
  const contact = sqlite.prepare('INSERT INTO contacts (shop_id, jid, created_at) VALUES (?, ?, ?)');
  const conversation = sqlite.prepare(
    'INSERT INTO conversations (shop_id, account_id, contact_id, created_at, last_message_at, last_inbound_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const message = sqlite.prepare(
    `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, created_at)
     VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    const ids: number[] = [];
    for (let c = 0; c < conversations; c++) {
      const k = Number(contact.run(shopId, `2137${String(c).padStart(8, '0')}@s.whatsapp.net`, now).lastInsertRowid);
      ids.push(Number(conversation.run(shopId, accountId, k, now, now, now).lastInsertRowid));
    }
    for (let i = 0; i < count; i++) {
      const inbound = i % 2 === 0;
      message.run(
        shopId,
        accountId,
        ids[i % conversations],
        inbound ? 'in' : 'out',
        inbound ? 'customer' : 'bot',
        `seeded message ${i} ch7al had sac`,
        inbound ? 'received' : 'read',
        `SEED${i}`,
        now,
      );
    }
  })();
}

/**
 * Customers writing at a steady `rate` for `seconds`, each reply timed from accept to send. With
 * `inboxOpen`, the list is read as the open inbox page does: the visible page re-read at most every
 * 250 ms (its refresh coalescing), half of the time with a search typed in.
 */
async function pacedLatency(
  core: Core,
  shopId: number,
  accountId: number,
  opts: { rate: number; seconds: number; inboxOpen: boolean; tag: string },
): Promise<{ p99: number; inboxShare: number }> {
  const started = new Map<string, number>();
  const times: number[] = [];
  core.ctx.pipeline.attachChannel(
    accountId,
    timingChannel(
      () => {},
      (to) => {
        const at = started.get(to);
        if (at === undefined) return;
        started.delete(to);
        times.push(performance.now() - at);
      },
    ),
  );
  let listMs = 0;
  let reading = true;
  const reader = (async () => {
    let n = 0;
    while (opts.inboxOpen && reading) {
      const t = performance.now();
      const query = n++ % 2 === 0 ? undefined : 'sac';
      const answer = await core.app.dispatch('conversations/list', { shopId, limit: 50, ...(query && { query }) });
      if (!answer.ok) throw new Error(`conversations/list: ${answer.error.message}`);
      listMs += performance.now() - t;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  const begin = performance.now();
  const count = opts.rate * opts.seconds;
  for (let i = 0; i < count; i++) {
    const due = begin + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const from = `2138${String(i).padStart(8, '0')}@s.whatsapp.net`;
    started.set(from, performance.now());
    void core.ctx.pipeline.sink.accept({
      accountId,
      channelMessageId: `${opts.tag}${i}`,
      from,
      kind: 'text',
      text: `bghit nchri sac noir ${i}`,
      at: new Date().toISOString(),
    });
  }
  await core.ctx.pipeline.drain();
  const elapsed = performance.now() - begin;
  reading = false;
  await reader;
  times.sort((a, b) => a - b);
  return { p99: percentile(times, 99), inboxShare: listMs / elapsed };
}

async function latency(
  storedMessages: number,
  samples: number,
  paced: { rate: number; seconds: number },
): Promise<{ p50: number; p99: number; acceptP99: number; p99Paced: number; p99PacedInbox: number; inboxShare: number }> {
  const dir = tmp('latency');
  const core = await benchCore(dir);
  try {
    const shop = await core.ctx.repos.shops.create({ name: 'Bench', currency: 'DZD', now: new Date().toISOString() });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    seedMessages(core.ctx.store.sqlite, shop.id, accountId, storedMessages);
    makeMessageSearchIndex(core.ctx.store.sqlite).catchUpAll(); // the seeded history is searchable, as a real one would be
    let resolveSent: (() => void) | null = null;
    core.ctx.pipeline.attachChannel(
      accountId,
      timingChannel(() => resolveSent?.()),
    );
    const times: number[] = [];
    const acceptTimes: number[] = [];
    for (let i = 0; i < samples; i++) {
      const sent = new Promise<void>((resolve) => (resolveSent = resolve));
      const start = performance.now();
      const stored = core.ctx.pipeline.sink.accept({
        accountId,
        channelMessageId: `LAT${i}`,
        from: `2136${String(i % 500).padStart(8, '0')}@s.whatsapp.net`,
        kind: 'text',
        text: `bghit nchri sac noir ${i}`,
        at: new Date().toISOString(),
      });
      await stored;
      acceptTimes.push(performance.now() - start);
      await sent;
      times.push(performance.now() - start);
      await core.ctx.pipeline.drain(); // bookkeeping after the send finishes before the next sample
    }
    times.sort((a, b) => a - b);
    acceptTimes.sort((a, b) => a - b);
    const closed = await pacedLatency(core, shop.id, accountId, { ...paced, inboxOpen: false, tag: 'PC' });
    const open = await pacedLatency(core, shop.id, accountId, { ...paced, inboxOpen: true, tag: 'PO' });
    return {
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      acceptP99: percentile(acceptTimes, 99),
      p99Paced: closed.p99,
      p99PacedInbox: open.p99,
      inboxShare: open.inboxShare,
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function throughput(
  accounts: number,
  conversationsPerAccount: number,
  messages: number,
  acceptBatch?: { maxBatch: number },
): Promise<{ perSecond: number; acceptP99: number; batchMean: number; cpuMs: number }> {
  const dir = tmp('throughput');
  const core = await benchCore(dir, acceptBatch);
  try {
    const shop = await core.ctx.repos.shops.create({ name: 'Bench', currency: 'DZD', now: new Date().toISOString() });
    const accountIds: number[] = [];
    let sent = 0;
    let done: (() => void) | null = null;
    const channel = timingChannel(() => {
      sent += 1;
      if (sent === messages) done?.();
    });
    for (let a = 0; a < accounts; a++) {
      const account = await core.ctx.repos.accounts.create({
        shopId: shop.id,
        channel: 'simulator',
        label: `A${a}`,
        phone: null,
        status: 'connected',
        now: new Date().toISOString(),
      });
      accountIds.push(account.id);
      core.ctx.pipeline.attachChannel(account.id, channel);
    }
    const finished = new Promise<void>((resolve) => (done = resolve));
    const acceptTimes: number[] = [];
    const stored: Promise<void>[] = [];
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < messages; i++) {
      const account = accountIds[i % accounts]!;
      const conversation = Math.floor(i / accounts) % conversationsPerAccount;
      const called = performance.now();
      const accepted = core.ctx.pipeline.sink.accept({
        accountId: account,
        channelMessageId: `TP${i}`,
        from: `2135${String(conversation).padStart(8, '0')}@s.whatsapp.net`,
        kind: 'text',
        text: `wach kayen robe rouge taille M ${i}`,
        at: new Date().toISOString(),
      });
      stored.push(accepted.then(() => void acceptTimes.push(performance.now() - called)));
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(stored);
    await finished;
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    await core.ctx.pipeline.drain();
    acceptTimes.sort((a, b) => a - b);
    const { batches, messages: batched } = core.ctx.pipeline.acceptStats();
    return {
      perSecond: messages / seconds,
      acceptP99: percentile(acceptTimes, 99),
      batchMean: batched / Math.max(1, batches),
      cpuMs: (used.user + used.system) / 1000,
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same message rows, inserted by better-sqlite3 one transaction per row, no pipeline. */
export async function rawInsertRate(rows: number): Promise<number> {
  return (await rawInsert(rows)).perSecond;
}

/** rawInsertRate with the CPU time of the timed loop (process.cpuUsage). */
export async function rawInsert(rows: number): Promise<{ perSecond: number; cpuMs: number }> {
  const dir = tmp('raw');
  const store = await openDatabase({ file: path.join(dir, 'raw.sqlite') });
  try {
    const { sqlite } = store;
    const now = new Date().toISOString();
    sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Raw', 'DZD', ?)").run(now);
    sqlite
      .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'raw', 'connected', ?)")
      .run(now);
    sqlite.prepare("INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x@s.whatsapp.net', ?)").run(now);
    sqlite.prepare('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, ?)').run(now);
    const insert = sqlite.prepare(
      `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, created_at)
       VALUES (1, 1, 1, 'in', 'customer', 'text', ?, 'received', ?, ?)`,
    );
    const one = sqlite.transaction((i: number) => insert.run(`wach kayen robe rouge taille M ${i}`, `RAW${i}`, now));
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < rows; i++) one(i);
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return { perSecond: rows / seconds, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * WAL written per accepted message on the accept path alone (no turns, no sends): every message
 * in a commit of its own, or group-committed `batch` at a time as the pipeline does under a burst.
 * Automatic checkpoints are off so the WAL only grows: its growth is what the commits wrote.
 */
export async function acceptWal(messages: number, batch: number): Promise<{ pages: number; bytes: number }> {
  const dir = tmp('wal');
  const store = await openDatabase({ file: path.join(dir, 'wal.sqlite') });
  try {
    const { sqlite } = store;
    sqlite.pragma('wal_autocheckpoint = 0');
    const now = new Date().toISOString();
    sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Wal', 'DZD', ?)").run(now);
    sqlite
      .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'wal', 'connected', ?)")
      .run(now);
    const pipelineStore = makePipelineStore(sqlite);
    const inbound = (i: number) => ({
      accountId: 1,
      channelMessageId: `WAL${i}`,
      from: `2135${String(i % 1_000).padStart(8, '0')}@s.whatsapp.net`,
      kind: 'text' as const,
      text: `wach kayen robe rouge taille M ${i}`,
      at: now,
    });
    // Warm-up: the contacts and conversations exist, as in a shop that has been running.
    for (let i = 0; i < 1_000; i++) pipelineStore.accept(inbound(-1 - i), now);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const walFile = path.join(dir, 'wal.sqlite-wal');
    const before = fs.existsSync(walFile) ? fs.statSync(walFile).size : 0;
    for (let i = 0; i < messages; i += batch) {
      const group = Array.from({ length: Math.min(batch, messages - i) }, (_, k) => inbound(i + k));
      if (batch === 1) pipelineStore.accept(group[0]!, now);
      else pipelineStore.batch([() => group.forEach((m) => pipelineStore.accept(m, now))]);
    }
    const bytes = (fs.statSync(walFile).size - before) / messages;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    return { pages: bytes / (pageSize + 24), bytes };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(
  opts: { storedMessages?: number; samples?: number; messages?: number; pacedSeconds?: number } = {},
): Promise<PipelineBench> {
  const storedMessages = opts.storedMessages ?? 1_000_000;
  const { p50, p99, acceptP99, p99Paced, p99PacedInbox, inboxShare } = await latency(storedMessages, opts.samples ?? 2_000, {
    rate: 10,
    seconds: opts.pacedSeconds ?? 30,
  });
  // Throughput and the raw baseline back to back: the same load on the machine for both.
  const burst = await throughput(100, 100, opts.messages ?? 20_000);
  const perSecond = burst.perSecond;
  const raw = await rawInsertRate(20_000);
  const alone = await acceptWal(2_000, 1);
  const batched = await acceptWal(2_000, 64);
  return {
    p50_ms: round(p50),
    p99_ms: round(p99),
    throughput_per_s: Math.round(perSecond),
    raw_sqlite_per_s: Math.round(raw),
    ratio: round(perSecond / raw),
    stored_messages: storedMessages,
    p99_10ps_ms: round(p99Paced),
    p99_10ps_inbox_open_ms: round(p99PacedInbox),
    inbox_share: round(inboxShare),
    accept_p99_ms: round(acceptP99),
    accept_burst_p99_ms: round(burst.acceptP99),
    accept_batch_mean: round(burst.batchMean, 1),
    accept_wal_pages_alone: round(alone.pages, 2),
    accept_wal_pages_batched: round(batched.pages, 2),
    accept_wal_bytes_alone: Math.round(alone.bytes),
    accept_wal_bytes_batched: Math.round(batched.bytes),
  };
}
