import { afterEach, describe, expect, it } from 'vitest';
import type { Shop } from '../../../shared/domain/schemas';
import type { StorageState } from '../../../shared/domain/storage';
import { call, makeTempCore } from '../test-utils/temp-core';
import { IntakePausedError, isDiskFault } from './intake-guard';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const inbound = (accountId: number, id: string, text: string) => ({
  accountId,
  channelMessageId: id,
  from: '216200000007@s.whatsapp.net',
  kind: 'text' as const,
  // Long enough that each message needs new pages once the file may not grow.
  text: `${text} ${'x'.repeat(3000)}`,
  at: new Date().toISOString(),
});

describe('a full disk', () => {
  it('pauses intake without crashing or losing a message, tells the seller, and resumes by itself', async () => {
    const notes: string[] = [];
    const temp = await makeTempCore({ storageRetryMs: 30, notifier: { notify: (notice) => void notes.push(notice.code) } });
    cleanup = temp.cleanup;
    const { core } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'Épicerie Tunis', currency: 'TND' });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    const states: StorageState[] = [];
    core.bus.on('system/storage', (s) => void states.push(s));
    const db = core.ctx.store.sqlite;
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'T-0', 'before'));
    await core.ctx.pipeline.drain();

    // The injected fault: SQLite may not grow the file, so writes fail with SQLITE_FULL.
    const pages = (db.pragma('page_count', { simple: true }) as number) + 1;
    db.pragma(`max_page_count = ${pages}`);
    const refused: string[] = [];
    for (let i = 1; i <= 40; i++) {
      try {
        await core.ctx.pipeline.sink.accept(inbound(accountId, `T-${i}`, `during ${i}`));
      } catch (err) {
        expect(err).toBeInstanceOf(IntakePausedError);
        refused.push(`T-${i}`);
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    // Nothing goes out of order: once paused, every later message waits too.
    expect(refused.at(-1)).toBe('T-40');
    expect(core.ctx.pipeline.storage.state()).toMatchObject({ state: 'disk_full', held: refused.length });
    expect(await call(core, 'system/get-storage-status', {})).toMatchObject({ state: 'disk_full' });
    expect(notes).toContain('disk_full');
    // Timers (search index, retries) run into the full disk meanwhile and must not kill the process.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(core.ctx.pipeline.storage.paused).toBe(true);

    // Space comes back.
    db.pragma('max_page_count = 1073741823');
    await expect.poll(() => core.ctx.pipeline.storage.state().state, { timeout: 3000 }).toBe('ok');
    await core.ctx.pipeline.drain();
    const stored = db.prepare("SELECT channel_message_id AS id FROM messages WHERE direction = 'in' ORDER BY rowid").all() as {
      id: string;
    }[];
    expect(stored.map((r) => r.id)).toEqual(Array.from({ length: 41 }, (_, i) => `T-${i}`));
    const answered = (db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'out'").get() as { n: number }).n;
    expect(answered).toBe(41);
    expect(states.at(0)?.state).toBe('disk_full');
    expect(states.at(-1)).toEqual({ state: 'ok', since: null, held: 0 });
  });

  it('keeps arrival order when the disk fills in the middle of a group commit', async () => {
    const temp = await makeTempCore({ storageRetryMs: 30 });
    cleanup = temp.cleanup;
    const { core } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'Épicerie Sfax', currency: 'TND' });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    const db = core.ctx.store.sqlite;
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'G-0', 'before'));
    await core.ctx.pipeline.drain();
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 1}`);
    // Forty messages in the same event-loop turn: one batch, which the disk stops part-way. Every
    // other one is short and would still fit in a page's free space after a long one was refused.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        core.ctx.pipeline.sink.accept(
          i % 2 === 0 ? inbound(accountId, `G-${i + 1}`, `burst ${i + 1}`) : { ...inbound(accountId, `G-${i + 1}`, ''), text: 'ok' },
        ),
      ),
    );
    const refused = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i + 1] : []));
    expect(refused.length).toBeGreaterThan(0);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(IntakePausedError);
    // Every message after the first refused one is refused too: none is stored ahead of a held one.
    expect(refused).toEqual(Array.from({ length: 41 - refused[0]! }, (_, i) => refused[0]! + i));
    db.pragma('max_page_count = 1073741823');
    await expect.poll(() => core.ctx.pipeline.storage.state().state, { timeout: 3000 }).toBe('ok');
    await core.ctx.pipeline.drain();
    const stored = db.prepare("SELECT channel_message_id AS id FROM messages WHERE direction = 'in' ORDER BY rowid").all() as {
      id: string;
    }[];
    expect(stored.map((r) => r.id)).toEqual(Array.from({ length: 41 }, (_, i) => `G-${i}`));
  });

  /**
   * A message the store refused is held in memory and journalled; closing the core while the disk
   * is still full drops everything in memory, as a kill would. The next start on the same folder
   * must store and answer it exactly once. `intakeJournal: false` plants the loss.
   */
  const heldThenRestarted = async (intakeJournal: boolean) => {
    const first = await makeTempCore({ storageRetryMs: 60_000, intakeJournal });
    const { dataDir } = first;
    const shop = await call<Shop>(first.core, 'shops/create', { name: 'Épicerie Tunis', currency: 'TND' });
    const accountId = first.core.ctx.testPhone.accountFor(shop.id);
    const db = first.core.ctx.store.sqlite;
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 1}`);
    const refused: string[] = [];
    for (let i = 1; i <= 20; i++) {
      try {
        await first.core.ctx.pipeline.sink.accept(inbound(accountId, `K-${i}`, `held ${i}`));
      } catch (err) {
        expect(err).toBeInstanceOf(IntakePausedError);
        refused.push(`K-${i}`);
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    await first.core.close();

    const second = await makeTempCore({ dataDir, intakeJournal });
    cleanup = second.cleanup;
    await second.core.ctx.pipeline.drain();
    const rows = (direction: string) =>
      second.core.ctx.store.sqlite
        .prepare('SELECT channel_message_id AS id FROM messages WHERE direction = ? ORDER BY rowid')
        .all(direction) as { id: string }[];
    return { stored: rows('in').map((r) => r.id), replies: rows('out').length, storage: second.core.ctx.pipeline.storage.state() };
  };

  it('a message held while the disk is full survives a kill: the next start stores and answers it once', async () => {
    const after = await heldThenRestarted(true);
    expect(after.stored).toEqual(Array.from({ length: 20 }, (_, i) => `K-${i + 1}`));
    // One conversation, one turn per message: exactly one reply each, none twice.
    expect(after.replies).toBe(20);
    expect(after.storage).toEqual({ state: 'ok', since: null, held: 0 });
  });

  it('planted bug: without the journal the held messages are lost at the kill (the test above would fail)', async () => {
    const after = await heldThenRestarted(false);
    expect(after.stored.length).toBeLessThan(20);
    expect(after.replies).toBeLessThan(20);
  });

  it('knows a disk fault from any other error', () => {
    expect(isDiskFault(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true);
    expect(isDiskFault(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))).toBe(true);
    expect(isDiskFault(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe(true);
    expect(isDiskFault(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isDiskFault(new Error('plain'))).toBe(false);
  });
});
