import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database';
import type { WritableDB, WritableSqlite } from '../store';
import { WriteRefusedError } from '../store';
import type { ReadHandle } from './read-handle';
import { makeRollupRepo } from './rollup-repo';
import { makeProductsRepo } from '../catalog/products-repo';
import { makeOrdersRepo } from '../orders/repo';
import { makePreferenceRows, makePreferences } from '../system/preferences';
import { makeTranscriptRepo } from '../pipeline/transcript-repo';
import { makePipelineStore } from '../pipeline/pipeline-store';
import { makeSettingsRepo } from '../settings/settings-repo';
import { makeViolationsRepo } from '../brain/guardrails/violations-repo';
import { makeDiskProbe } from '../store/disk-probe';
import { makeAnalytics } from './service';

/** Stand-ins for anything that writes: a repository takes the writing handles. */
const writesRaw = (sqlite: WritableSqlite) => sqlite.prepare('DELETE FROM shops').run();
const writesTyped = (db: WritableDB<Database>) => db.deleteFrom('shops').execute();

describe('analytics read handle', () => {
  it('is a type that cannot write (tsc checks every @ts-expect-error below)', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const read: ReadHandle = store.read;
    const readDb = store.readDb;
    const refused = () => {
      // @ts-expect-error a read handle has no exec
      read.exec('DELETE FROM shops');
      // @ts-expect-error nor transactions
      read.transaction(() => undefined);
      // @ts-expect-error nor pragmas (query_only = OFF would undo the lock)
      read.pragma('query_only = OFF');
      // @ts-expect-error its statements have no run
      read.prepare('SELECT 1').run();
      // @ts-expect-error nor the connection they came from
      void read.prepare('SELECT 1').database;
      // @ts-expect-error a writing repository does not take it
      makeRollupRepo(read);
      // @ts-expect-error nor does anything that takes the writer
      writesRaw(read);
      // @ts-expect-error kysely's read handle has no insertInto
      void readDb.insertInto('shops');
      // @ts-expect-error nor updateTable
      void readDb.updateTable('shops');
      // @ts-expect-error nor deleteFrom
      void readDb.deleteFrom('shops');
      // @ts-expect-error nor schema
      void readDb.schema;
      // @ts-expect-error nor transactions
      void readDb.transaction();
      // @ts-expect-error raw sql needs an executor, which it does not give
      void sql`DELETE FROM shops`.execute(readDb);
      // @ts-expect-error and a function that writes through kysely does not take it
      void writesTyped(readDb);
    };
    // An unbranded connection (one opened beside the store, or a read handle's own) is no writer either.
    const stray = {} as SQLite.Database;
    const intoWritingRepos = () => {
      // @ts-expect-error the catalog's products repository takes the writer only
      makeProductsRepo(read);
      // @ts-expect-error nor does it take an unbranded connection
      makeProductsRepo(stray);
      // @ts-expect-error the pipeline's store (messages, queue, outbox)
      makePipelineStore(read);
      // @ts-expect-error the transcripts the pipeline writes into messages
      makeTranscriptRepo(stray);
      // @ts-expect-error app_preferences' one writer
      makePreferenceRows(read);
      // @ts-expect-error the guardrails' record
      makeViolationsRepo(stray);
      // @ts-expect-error the store's disk probe
      makeDiskProbe(read);
      // @ts-expect-error kysely repositories take the writing kysely: orders
      makeOrdersRepo(readDb);
      // @ts-expect-error settings
      makeSettingsRepo(readDb);
      // @ts-expect-error preferences
      makePreferences(readDb);
      // The writer itself is accepted by each.
      makeProductsRepo(store.sqlite);
      makeOrdersRepo(store.db);
    };
    expect(refused).toBeTypeOf('function'); // never called: the lines above are for the compiler
    expect(intoWritingRepos).toBeTypeOf('function');
    // The writer is a reader too (Signal's WritableDB extends ReadableDB): this compiles.
    const analytics = makeAnalytics({ read: store.sqlite });
    expect(analytics.overview).toBeTypeOf('function');
    expect(await readDb.selectFrom('shops').select('id').execute()).toEqual([]);
    await store.close();
  });

  it('refuses at run time a writing statement prepared through it', async () => {
    const store = await openDatabase({ file: ':memory:' });
    expect(store.read.prepare('SELECT count(*) AS n FROM shops').get()).toEqual({ n: 0 });
    expect(() => store.read.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('a', 'DZD', 'now')")).toThrow(
      WriteRefusedError,
    );
    expect(() => store.read.prepare('DELETE FROM shops')).toThrow(WriteRefusedError);
    await expect(sql`SELECT 1`.execute(store.db)).resolves.toBeTruthy();
    await store.close();
  });
});
