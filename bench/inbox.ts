import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type SQLite from 'better-sqlite3';
import { makeDeterministicBrain } from '../electron/core/test-utils/deterministic-brain';
import { type Core, createCore } from '../electron/core/create-core';
import { noPacing, noRateLimits } from '../electron/core/pipeline/policies';
import { makeMessageSearchIndex } from '../electron/core/store/message-search-index';
import { numberArg, percentile, round, tmpDir } from './lib/util';

export interface InboxBench {
  page_ms: number;
  page_p95_ms: number;
  search_ms: number;
  search_p95_ms: number;
  /** CPU time of the same calls (user + system): what a shared, loaded machine does not inflate. */
  page_cpu_ms: number;
  search_cpu_ms: number;
  conversations: number;
}

const FIRST = ['Amine', 'Yasmine', 'Karim', 'Lina', 'Sofiane', 'Nour', 'Walid', 'Imane', 'Rachid', 'Sara', 'João', 'Chiara'];
const WORDS = [
  'sac',
  'robe',
  'taille',
  'livraison',
  'prix',
  'ch7al',
  'wahran',
  'noir',
  'rouge',
  'chaussures',
  'بشحال',
  'الفستان',
  'merci',
  'dispo',
];

/** 100,000 conversations with a few messages each, straight through SQL, activity spread over a year. */
function seed(sqlite: SQLite.Database, shopId: number, accountId: number, conversations: number): void {
  const contact = sqlite.prepare('INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (?, ?, ?, ?)');
  const conversation = sqlite.prepare(
    `INSERT INTO conversations (shop_id, account_id, contact_id, status, unread, created_at, last_message_at, last_preview, last_inbound_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const message = sqlite.prepare(
    `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, created_at)
     VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)`,
  );
  const t0 = Date.now() - 365 * 86_400_000;
  let n = 0;
  sqlite.transaction(() => {
    for (let c = 0; c < conversations; c++) {
      const at = new Date(t0 + c * ((365 * 86_400_000) / conversations)).toISOString();
      const name = c % 3 === 0 ? null : `${FIRST[c % FIRST.length]} ${c}`;
      const k = Number(contact.run(shopId, `2135${String(c).padStart(8, '0')}@s.whatsapp.net`, name, at).lastInsertRowid);
      const status = c % 50 === 0 ? 'waiting_human' : c % 7 === 0 ? 'resolved' : 'open';
      const text = `${WORDS[c % WORDS.length]} ${WORDS[(c * 7) % WORDS.length]} ${c}`;
      const id = Number(conversation.run(shopId, accountId, k, status, c % 5, at, at, text, at).lastInsertRowid);
      for (let m = 0; m < 3; m++) {
        const inbound = m !== 1;
        message.run(
          shopId,
          accountId,
          id,
          inbound ? 'in' : 'out',
          inbound ? 'customer' : 'bot',
          `${text} ${WORDS[(c + m) % WORDS.length]}`,
          inbound ? 'received' : 'read',
          `SEED${n++}`,
          at,
        );
      }
    }
  })();
}

async function timed(core: Core, input: Record<string, unknown>, samples: number[], cpu: number[]): Promise<unknown> {
  const t = performance.now();
  const c = process.cpuUsage();
  const answer = await core.app.dispatch('conversations/list', input);
  const used = process.cpuUsage(c);
  samples.push(performance.now() - t);
  cpu.push((used.user + used.system) / 1000);
  if (!answer.ok) throw new Error(`conversations/list: ${answer.error.message}`);
  return answer.value;
}

/** A common word, a rarer pair, a contact name, phone digits, Arabic script, a prefix, two letters. */
const SEARCHES = ['sac', 'chaussures rouge', 'Yasmine', '55000123', 'بشحال', 'livr', 'am'];

/** The inbox's list and search calls, as the renderer makes them, at 100,000 conversations. */
export async function run(opts: { conversations?: number } = {}): Promise<InboxBench> {
  const conversations = opts.conversations ?? numberArg('inbox-conversations', 100_000);
  const dir = tmpDir('inbox');
  const core = await createCore({
    dataDir: dir,
    brain: makeDeterministicBrain(),
    rateLimits: noRateLimits,
    pacing: noPacing,
    simulator: { fsync: false, receipts: false },
  });
  try {
    const shop = await core.ctx.repos.shops.create({ name: 'Inbox', currency: 'DZD', now: new Date().toISOString() });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    seed(core.ctx.store.sqlite, shop.id, accountId, conversations);
    makeMessageSearchIndex(core.ctx.store.sqlite).catchUpAll();
    core.ctx.store.sqlite.exec('ANALYZE');
    if (process.env.SOUQ_BENCH_KEEP) fs.copyFileSync(`${dir}/souqbot.sqlite`, process.env.SOUQ_BENCH_KEEP);
    const pages: number[] = [];
    const searches: number[] = [];
    const pageCpu: number[] = [];
    const searchCpu: number[] = [];
    for (let round = 0; round < 3; round++) {
      // The list as the seller scrolls it: the first pages, then a filter by status.
      for (let page = 0; page < 5; page++) await timed(core, { shopId: shop.id, offset: page * 50, limit: 50 }, pages, pageCpu);
      if (process.env.SOUQ_BENCH_VERBOSE)
        process.stderr.write(
          `pages: ${pages
            .slice(-5)
            .map((n) => n.toFixed(2))
            .join(' ')}\n`,
        );
      await timed(core, { shopId: shop.id, status: 'waiting_human', limit: 50 }, pages, pageCpu);
      await timed(core, { shopId: shop.id, status: 'open', limit: 50 }, pages, pageCpu);
      if (process.env.SOUQ_BENCH_VERBOSE)
        process.stderr.write(
          `status pages: ${pages
            .slice(-2)
            .map((n) => n.toFixed(2))
            .join(' ')}\n`,
        );
      // Searches: a common word, a rarer one, a contact name, phone digits, Arabic script.
      for (const query of SEARCHES) {
        const before = searches.length;
        await timed(core, { shopId: shop.id, query, limit: 50 }, searches, searchCpu);
        if (process.env.SOUQ_BENCH_VERBOSE) process.stderr.write(`search ${query}: ${searches[before]!.toFixed(2)} ms\n`);
      }
    }
    for (const list of [pages, searches, pageCpu, searchCpu]) list.sort((a, b) => a - b);
    return {
      page_ms: round(percentile(pages, 50), 2),
      page_p95_ms: round(percentile(pages, 95), 2),
      search_ms: round(percentile(searches, 50), 2),
      search_p95_ms: round(percentile(searches, 95), 2),
      page_cpu_ms: round(percentile(pageCpu, 50), 2),
      search_cpu_ms: round(percentile(searchCpu, 50), 2),
      conversations,
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
