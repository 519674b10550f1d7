import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { NormalizedInbound } from '../channels/types';
import { openDatabase } from '../database';
import { type AcceptBatcherDeps, makeAcceptBatcher } from './accept-batcher';
import type { AcceptResult } from './pipeline-rows';
import { makePipelineStore } from './pipeline-store';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store on a file, and a second connection to it: what another process would see after a kill. */
async function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-batch-'));
  const file = path.join(dir, 'store.sqlite');
  const store = await openDatabase({ file });
  const { sqlite } = store;
  const now = new Date().toISOString();
  sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Batch', 'DZD', ?)").run(now);
  sqlite
    .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'b', 'connected', ?)")
    .run(now);
  const reader = new SQLite(file, { readonly: true });
  cleanups.push(async () => {
    reader.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const pipelineStore = makePipelineStore(sqlite);
  /** The batcher as the pipeline wires it; `overrides` plant bugs. */
  const batcher = (overrides: Partial<AcceptBatcherDeps<NormalizedInbound, AcceptResult>> = {}) =>
    makeAcceptBatcher<NormalizedInbound, AcceptResult>({
      transaction: (writes) => pipelineStore.batch([writes]),
      inTransaction: pipelineStore.inTransaction,
      write: (message) => pipelineStore.accept(message, now),
      committed: () => {},
      ...overrides,
    });
  const visible = (channelId: string) =>
    reader.prepare('SELECT count(*) AS n FROM messages WHERE channel_message_id = ?').get(channelId) as { n: number };
  return { sqlite, reader, batcher, visible };
}

const message = (id: string, from = `2135500${id.replace(/\D/g, '').padStart(5, '0')}@s.whatsapp.net`): NormalizedInbound => ({
  accountId: 1,
  channelMessageId: id,
  from,
  kind: 'text',
  text: `message ${id}`,
  at: new Date().toISOString(),
});

/**
 * The invariant's checker: accepts every message, and at the moment each promise resolves (the
 * channel's acknowledgement) asks the second connection whether the message is committed.
 * Returns the ids acknowledged before their commit, and the ids rejected.
 */
async function ackedBeforeCommit(
  accept: (m: NormalizedInbound) => Promise<unknown>,
  messages: NormalizedInbound[],
  visible: (id: string) => { n: number },
) {
  const early: string[] = [];
  const rejected: string[] = [];
  await Promise.all(
    messages.map((m) =>
      accept(m).then(
        () => {
          if (visible(m.channelMessageId).n !== 1) early.push(m.channelMessageId);
        },
        () => rejected.push(m.channelMessageId),
      ),
    ),
  );
  return { early, rejected };
}

describe('accept batcher (group commit)', () => {
  it('acknowledges each message only once the commit holding it is visible to another connection', async () => {
    const { batcher, visible } = await setup();
    const honest = batcher();
    const messages = Array.from({ length: 50 }, (_, i) => message(`G-${i}`));
    expect(await ackedBeforeCommit(honest.accept, messages, visible)).toEqual({ early: [], rejected: [] });
    // Arrived in the same event-loop turn: the first commits at once, the other 49 together.
    expect(honest.stats()).toEqual({ batches: 2, messages: 50, fallbacks: 0 });
  });

  it('the checker reports messages acknowledged before their commit (planted: the commit comes later)', async () => {
    const { sqlite, batcher, visible } = await setup();
    const late = batcher({
      transaction(writes) {
        sqlite.exec('BEGIN');
        writes();
        setTimeout(() => sqlite.exec('COMMIT'), 20);
      },
    });
    const { early } = await ackedBeforeCommit(late.accept, [message('L-1')], visible);
    expect(early).toEqual(['L-1']);
    await new Promise((resolve) => setTimeout(resolve, 40));
  });

  it('commits a lone message at once and closes a batch at maxBatch', async () => {
    const { batcher, visible } = await setup();
    const small = batcher({ maxBatch: 8 });
    const alone = small.accept(message('ALONE-1'));
    // Committed inside the call: nothing else arrived in this turn to wait for.
    expect(visible('ALONE-1').n).toBe(1);
    await alone;
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(Array.from({ length: 20 }, (_, i) => small.accept(message(`M-${i}`))));
    // 1 at once, then 8 and 8 at maxBatch, then the last 3 at the end of the turn.
    expect(small.stats()).toEqual({ batches: 5, messages: 21, fallbacks: 0 });
  });

  it('a message whose statement throws is rejected alone, its rows undone, its neighbours stored', async () => {
    const { batcher, reader, visible } = await setup();
    const honest = batcher();
    const bad: NormalizedInbound = { ...message('B-5', '213559999999@s.whatsapp.net'), text: null as unknown as string };
    const batch = [...[0, 1, 2, 3, 4].map((i) => message(`B-${i}`)), bad, ...[6, 7, 8].map((i) => message(`B-${i}`))];
    const result = await ackedBeforeCommit(honest.accept, batch, visible);
    expect(result).toEqual({ early: [], rejected: ['B-5'] });
    expect((reader.prepare("SELECT count(*) AS n FROM messages WHERE channel_message_id LIKE 'B-%'").get() as { n: number }).n).toBe(8);
    // Its contact and conversation were written before the failing insert: undone with it.
    const strays = reader.prepare("SELECT count(*) AS n FROM contacts WHERE jid = '213559999999@s.whatsapp.net'").get() as { n: number };
    expect(strays.n).toBe(0);
    expect(honest.stats()).toEqual({ batches: 2, messages: 9, fallbacks: 0 });
  });

  it('the checker reports a failing row that leaves half of itself behind (planted: no savepoint per message)', async () => {
    const { sqlite, batcher, reader } = await setup();
    const insertContact = sqlite.prepare("INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, '2026-01-01')");
    const noSavepoint = batcher({
      write(m) {
        insertContact.run(m.from);
        throw new Error('the message insert failed');
      },
    });
    await noSavepoint.accept(message('H-1', '213558888888@s.whatsapp.net')).catch(() => null);
    const strays = reader.prepare("SELECT count(*) AS n FROM contacts WHERE jid = '213558888888@s.whatsapp.net'").get() as { n: number };
    expect(strays.n).toBe(1);
  });

  it('a batch whose transaction is lost is written again message by message: none dropped, none twice', async () => {
    const { sqlite, batcher, reader, visible } = await setup();
    let transactions = 0;
    const flaky = batcher({
      transaction(writes) {
        sqlite.transaction(() => {
          writes();
          // The second one (the batch after the first message) fails as a failing COMMIT would:
          // everything in it is rolled back.
          if (++transactions === 2) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
        })();
      },
    });
    const messages = Array.from({ length: 10 }, (_, i) => message(`F-${i}`));
    expect(await ackedBeforeCommit(flaky.accept, [...messages, message('F-3')], visible)).toEqual({ early: [], rejected: [] });
    expect((reader.prepare("SELECT count(*) AS n FROM messages WHERE channel_message_id LIKE 'F-%'").get() as { n: number }).n).toBe(10);
    expect(flaky.stats()).toEqual({ batches: 2, messages: 11, fallbacks: 1 });
  });
});
