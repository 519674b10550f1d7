import type { CoreBase } from './core-base';
import { apiKeySecretName } from './brain/index';
import { type Learning, makeLearning } from './learning/create-learning';
import { makePipelineProactiveOutbox } from './pipeline/proactive-outbox';
import type { Pipeline } from './pipeline/create-pipeline';
import { makeShopCountryReader } from './shops/shop-country';
import type { MessageSearchIndex } from './store/message-search-index';

/**
 * The scheduler, follow-ups, bandit, analyzer and profiles. Built before the pipeline (the brain is wrapped by it);
 * its follow-ups reach the pipeline through `pipelineOf`, called only when a job runs, after core is built.
 */
export function makeCoreLearning(
  base: CoreBase,
  parts: { searchIndex: MessageSearchIndex; reportFault(err: unknown): boolean; pipelineOf(): Pipeline },
): Learning {
  const { store, services, secrets } = base;
  const { products } = services;
  return makeLearning({
    sqlite: store.sqlite,
    shopIds: async () => (await base.shopsRepo.list()).map((s) => s.id),
    clock: base.clock,
    logger: base.logger,
    bus: base.bus,
    settingsOf: base.settingsOf,
    retriever: services.retriever,
    knowledge: services.knowledge,
    documents: services.documents,
    spendCap: services.spendCap,
    productBySku: (shopId, sku) => products.getBySku(shopId, sku),
    catalogOf: (shopId) => products.all(shopId),
    apiKeyOf: (shopId) => secrets.get(apiKeySecretName(shopId)),
    countryOf: makeShopCountryReader(store.sqlite),
    outbox: makePipelineProactiveOutbox(parts.pipelineOf),
    searchIndex: parts.searchIndex,
    checkpointIdle: () => store.checkpointIdle(),
    onJobFailure: (err) => void parts.reportFault(err),
  });
}
