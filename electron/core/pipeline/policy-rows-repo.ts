import type SQLite from 'better-sqlite3';

/** The connection the rows are read from (the pipeline's, which also writes). */
export type PolicyRowsConnection = SQLite.Database;

/**
 * The two rows the send policies are read from (shop-policies.ts caches them): a shop's settings
 * document and an account's shop. Raw prepared statements: the scheduler's `dueAt` and the
 * channel's events read them synchronously, on the reply path bench/pipeline.ts times (reply p99 at
 * 10 messages a second); each is one primary-key read, and only on a cache miss.
 */
export function makePolicyRowsRepo(sqlite: PolicyRowsConnection) {
  const docOf = sqlite.prepare<[number], { doc: string }>('SELECT doc FROM settings WHERE shop_id = ?');
  const shopOfAccount = sqlite.prepare<[number], { shop_id: number }>('SELECT shop_id FROM accounts WHERE id = ?');
  return {
    settingsDoc: (shopId: number): string | undefined => docOf.get(shopId)?.doc,
    shopOfAccount: (accountId: number): number | undefined => shopOfAccount.get(accountId)?.shop_id,
  };
}
