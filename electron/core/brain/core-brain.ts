import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ShopSettings } from '../../../shared/domain/settings';
import { makeProductsRepo } from '../catalog/products-repo';
import type { EventBus } from '../events';
import { makeOrdersRepo } from '../orders/repo';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Database } from '../store/schema';
import { makeViolationsRepo } from './guardrails/violations-repo';
import { makeShopBrain } from './index';
import { makeCoreOfflineBrain } from './offline/wire';
import { makeRetriever } from './retrieval/retriever';
import type { Brain } from './types';
import { makeSpendCap } from './usage/spend-cap';
import { makeUsageRepo } from './usage/usage-repo';

export interface CoreBrainConfig {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
  settingsOf(shopId: number): Promise<ShopSettings>;
  shops: { get(shopId: number): Promise<{ name: string; currency: string } | undefined> };
  secrets: SecretStore;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
}

/**
 * The brain the app runs: per shop, the LLM when the seller configured one, else the offline
 * brain (the default, no key needed); guardrails after either; the offline brain as fallback.
 */
export function makeCoreBrain(config: CoreBrainConfig): Brain {
  const shopName = async (shopId: number) => (await config.shops.get(shopId))?.name ?? null;
  const offline = makeCoreOfflineBrain({ db: config.db, sqlite: config.sqlite, settingsOf: config.settingsOf, shopName, bus: config.bus });
  const retriever = makeRetriever({ sqlite: config.sqlite });
  const products = makeProductsRepo(config.sqlite);
  return makeShopBrain({
    offline,
    settings: { get: config.settingsOf },
    shops: config.shops,
    secrets: config.secrets,
    catalog: { getBySku: (shopId, sku) => products.getBySku(shopId, sku) ?? undefined },
    search: retriever,
    knowledge: retriever,
    orders: makeOrdersRepo(config.db),
    spendCap: makeSpendCap(makeUsageRepo(config.sqlite)),
    violations: makeViolationsRepo(config.sqlite),
    clock: config.clock,
    logger: config.logger,
  });
}
