import { onTestFinished } from 'vitest';
import { type Store, openDatabase } from '../database';

/** A fresh in-memory database with every migration applied, closed when the test that opened it ends. */
export async function openTestStore(): Promise<Store> {
  const opened: { store?: Store } = {};
  // Registered before the first await, while vitest still knows which test is running.
  onTestFinished(async () => {
    await opened.store?.close();
  });
  opened.store = await openDatabase({ file: ':memory:' });
  return opened.store;
}

/** SQLite's plan for a query, its steps joined by a space: what a migration test looks for an index's name in. */
export const queryPlan = (store: Store, sql: string, ...args: unknown[]) =>
  (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' ');
