import { afterEach, describe, expect, it } from 'vitest';
import { makeTranscriptionUsageRepo } from '../../media/transcribe/index';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0075-transcription-usage', () => {
  it('adds seconds per shop per day, read by its primary key, dropped with the shop', async () => {
    store = await openDatabase({ file: ':memory:' });
    const plan = (
      store.sqlite
        .prepare('EXPLAIN QUERY PLAN SELECT seconds FROM transcription_usage WHERE shop_id = ? AND day = ?')
        .all(1, '2026-12-01') as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/USING (PRIMARY KEY|INDEX sqlite_autoindex_transcription_usage)/);
    store.sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('A', 'DZD', 'now')`).run();
    const usage = makeTranscriptionUsageRepo(store.sqlite);
    usage.add(1, '2026-12-01', 4.5);
    usage.add(1, '2026-12-01', 10);
    usage.add(1, '2026-12-02', 3);
    usage.add(1, '2026-12-02', -7); // a bogus negative duration never lowers the count
    expect(usage.secondsOn(1, '2026-12-01')).toBe(14.5);
    expect(usage.secondsOn(1, '2026-12-02')).toBe(3);
    expect(usage.secondsOn(2, '2026-12-01')).toBe(0);
    store.sqlite.pragma('foreign_keys = ON');
    store.sqlite.prepare('DELETE FROM shops WHERE id = 1').run();
    expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM transcription_usage').get()).toEqual({ n: 0 });
  });
});
