import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../create-core';
import { defaultPacing, defaultRateLimits } from '../../pipeline/policies';
import { SEARCH_INDEX_JOB, WAL_CHECKPOINT_JOB } from './core-jobs';

let core: Core | undefined;
let dir = '';
afterEach(async () => {
  await core?.close();
  core = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('store jobs on the scheduler', () => {
  it('indexes stored messages for search in the background, without a search asking first', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-jobs-'));
    core = await createCore({
      dataDir: dir,
      rateLimits: { ...defaultRateLimits, enabled: false },
      pacing: { ...defaultPacing, enabled: false },
    });
    expect(core.learning.scheduler.jobs().map((j) => j.key)).toEqual(expect.arrayContaining([SEARCH_INDEX_JOB, WAL_CHECKPOINT_JOB]));
    const shop = await core.ctx.repos.shops.create({ name: 'S', currency: 'DZD', now: new Date().toISOString() });
    core.ctx.testPhone.send(shop.id, '+213550000001', 'salam 3andkom tabla ?', new Date());
    const watermark = core.ctx.store.sqlite.prepare<[], { last_id: number }>(
      "SELECT last_id FROM search_index_state WHERE name = 'messages'",
    );
    const deadline = Date.now() + 5_000;
    while (watermark.get()!.last_id === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(watermark.get()!.last_id).toBeGreaterThan(0);
  });

  it('shows a failing job to Settings (jobs/list-failures) and runs it again on request (jobs/retry)', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-jobs-'));
    core = await createCore({ dataDir: dir, paused: true });
    let healthy = false;
    core.learning.scheduler.register('flaky', () => {
      if (!healthy) throw new Error('the disk is full');
    });
    core.learning.scheduler.schedule('flaky', 'flaky:1', new Date());
    await core.learning.scheduler.runDue();
    const failures = await core.app.dispatch('jobs/list-failures', {});
    expect(failures).toMatchObject({ ok: true, value: [{ kind: 'flaky', attempts: 1, lastError: 'the disk is full', state: 'pending' }] });
    healthy = true;
    const id = (failures as { value: Array<{ id: number }> }).value[0]!.id;
    expect(await core.app.dispatch('jobs/retry', { id })).toEqual({ ok: true, value: { retried: true } });
    await core.learning.scheduler.runDue();
    expect(await core.app.dispatch('jobs/list-failures', {})).toEqual({ ok: true, value: [] });
  });
});
