import type { CoreBase } from './core-base';
import type { CoreMedia } from './core-media';
import type { CoreConfig } from './create-core';
import type { Brain } from './brain/types';
import { makeCoreShopBrain, withCoreProductPhoto, withMediaTurns } from './brain/index';
import type { LlmHealthTracker } from './brain/llm/llm-health';
import { makeRampReader } from './channels/whatsapp/ramp';
import type { Learning } from './learning/create-learning';
import { makeOutgoingMediaResolver } from './media/index';
import { type Pipeline, createPipeline } from './pipeline/create-pipeline';
import { type IntakeGuard, parseHeldMessage } from './pipeline/intake-guard';
import { makeIntakeJournal } from './pipeline/intake-journal';
import { type HeldIntake, makePipelineStorage } from './pipeline/pipeline-storage';

/**
 * The full-disk guard, built before everything that writes in the background (the search index, the scheduler's
 * jobs) so each can report a full disk to it. `intake` is the pipeline, built later: the guard calls it only after a
 * fault or from the pipeline's own start.
 */
export function makeCoreStorage(base: CoreBase, config: CoreConfig, intake: HeldIntake): IntakeGuard {
  const { store, bus, clock, logger, notifier } = base;
  return makePipelineStorage({
    sqlite: store.sqlite,
    bus,
    clock,
    logger,
    notifier,
    intake,
    ...(config.storageRetryMs !== undefined && { retryMs: config.storageRetryMs }),
    ...(config.intakeJournal !== false && {
      journal: makeIntakeJournal({
        dataDir: config.dataDir,
        logger,
        parse: parseHeldMessage,
        ...(config.intakeReserveBytes !== undefined && { reserveBytes: config.intakeReserveBytes }),
      }),
    }),
  });
}

/**
 * The sales brain every turn goes through, outermost first: media-only turns read (a recognised product photo
 * becomes words) or acknowledged; the closer's product photo added to the reply that actually goes out; learning's
 * variants; the shop's own brain. A config's brain (tests, benchmarks) replaces all but the media layer.
 */
export function makeCoreBrain(
  base: CoreBase,
  parts: { learning: Learning; llmHealth: LlmHealthTracker; media: CoreMedia },
  injected?: Brain,
) {
  const { store, services } = base;
  const { catalogImages, understandMedia } = parts.media;
  const shopBrain = (): Brain =>
    withCoreProductPhoto(
      parts.learning.wrapBrain(
        makeCoreShopBrain({
          db: store.db,
          sqlite: store.sqlite,
          settingsOf: base.settingsOf,
          shops: base.shopsRepo,
          secrets: base.secrets,
          bus: base.bus,
          clock: base.clock,
          logger: base.logger,
          llmHealth: parts.llmHealth,
          ...services,
        }),
      ),
      { sqlite: store.sqlite, products: services.products, canSend: (shopId, url) => catalogImages.localFile(shopId, url) !== null },
    );
  return withMediaTurns(injected ?? shopBrain(), { understand: understandMedia });
}

/** The message pipeline over the core's store, brain, media and full-disk guard. */
export function makeCorePipeline(
  base: CoreBase,
  config: CoreConfig,
  parts: { brain: Brain; storage: IntakeGuard; learning: Learning; media: CoreMedia },
): Pipeline {
  const { store, bus, clock, logger } = base;
  // A young number's send ramp is read from its linking date (the WhatsApp accounts table), not from a live session.
  const ramps = makeRampReader({ sqlite: store.sqlite, clock });
  const pipeline = createPipeline({
    rateFactor: (accountId) => ramps.rampFor(accountId)?.rateFactor ?? 1,
    afterStore: () => parts.learning.afterStore(),
    sqlite: store.sqlite,
    storage: parts.storage,
    brain: parts.brain,
    settingsOf: base.settingsOf,
    bus,
    clock,
    logger,
    notifier: base.notifier,
    resolveMedia: makeOutgoingMediaResolver(parts.media.catalogImages),
    ...(config.rateLimits && { rateLimits: config.rateLimits }),
    ...(config.pacing && { pacing: config.pacing }),
    ...(config.crash && { crash: config.crash }),
    ...(config.retry && { retry: config.retry }),
    ...(config.acceptBatch && { acceptBatch: config.acceptBatch }),
    transcribe: async (input) => {
      const heard = await parts.media.transcriber.transcribe(input);
      // The inbox shows the transcript under the voice note as soon as it exists.
      if (heard) pipeline.emitMessage(input.messageId, 'messages/status');
      return heard;
    },
  });
  return pipeline;
}
