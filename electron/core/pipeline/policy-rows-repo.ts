import type { Database } from '../database';
import { type ReadableSqlite, typedStatements } from '../store';

/** The connection the rows are read from (the pipeline's, which also writes). */
export type PolicyRowsConnection = ReadableSqlite;

/**
 * The two rows the send policies are read from (shop-policies.ts caches them): a shop's settings
 * document and an account's shop. Prepared once (typedStatements): the scheduler's `dueAt` and the
 * channel's events read them synchronously, on the reply path bench/pipeline.ts times (reply p99 at
 * 10 messages a second); each is one primary-key read, and only on a cache miss.
 */
export function makePolicyRowsRepo(sqlite: PolicyRowsConnection) {
  const statements = typedStatements<Database>(sqlite);
  const docOf = statements.prepare((db, p: { shopId: number }) => db.selectFrom('settings').select('doc').where('shop_id', '=', p.shopId));
  const shopOfAccount = statements.prepare((db, p: { accountId: number }) =>
    db.selectFrom('accounts').select('shop_id').where('id', '=', p.accountId),
  );
  return {
    settingsDoc: (shopId: number): string | undefined => docOf.get({ shopId })?.doc,
    shopOfAccount: (accountId: number): number | undefined => shopOfAccount.get({ accountId })?.shop_id,
  };
}
