import path from 'node:path';
import type { CoreBase } from './core-base';
import type { CoreConfig } from './create-core';
import { apiKeySecretName } from './brain/index';
import { makeCatalogImages, makeCatalogImagesRepo, makeMediaUnderstanding } from './media/index';
import { makeTranscriptionUsageRepo, makeVoiceTranscriber } from './media/transcribe/index';
import { makeTranscriptRepo } from './pipeline/index';
import { transcriptionKeySecretName } from './settings/app';

/** Catalog photos, customers' photos read against them, and voice notes to text. */
export function makeCoreMedia(base: CoreBase, config: CoreConfig) {
  const { store, logger, clock, bus, settingsOf, secrets } = base;
  // Catalog photos in the data folder: fetched after each catalog change, matched against customers' photos.
  const catalogImages = makeCatalogImages({
    repo: makeCatalogImagesRepo(store.sqlite),
    dataDir: config.dataDir,
    products: base.services.products,
    clock,
    logger,
    ...(config.media?.fetch && { fetch: config.media.fetch }),
  });
  bus.on('catalog/changed', ({ shopId }) => {
    catalogImages.syncShop(shopId).catch((err: unknown) => logger.warn({ err, shopId }, 'catalog image sync failed'));
  });
  const understandMedia = makeMediaUnderstanding({
    images: catalogImages,
    logger,
    visionOf: async (shopId) => {
      const { llm } = await settingsOf(shopId);
      if (!llm.baseUrl || !llm.visionModel) return null;
      return { baseUrl: llm.baseUrl, model: llm.visionModel, apiKey: (await secrets.get(apiKeySecretName(shopId))) ?? null };
    },
    ...(config.media?.fetch && { fetch: config.media.fetch }),
  });
  const transcriber = makeVoiceTranscriber({
    transcripts: makeTranscriptRepo(store.sqlite),
    usage: makeTranscriptionUsageRepo(store.sqlite),
    settingsOf,
    apiKeyOf: (shopId) => secrets.get(transcriptionKeySecretName(shopId)),
    mediaDir: path.join(config.dataDir, 'media'),
    clock,
    logger,
    ...(config.transcriptionClient && { makeClient: config.transcriptionClient }),
  });
  return { catalogImages, understandMedia, transcriber };
}
export type CoreMedia = ReturnType<typeof makeCoreMedia>;
