import path from 'node:path';
import { App } from './app';
import type { CoreBase } from './core-base';
import { simulatorRawLogPath } from './core-channels';
import type { CoreMedia } from './core-media';
import type { CoreConfig } from './create-core';
import type { CoreContext } from './context';
import { accountsHandlers } from './accounts/app';
import { analyticsHandlers } from './analytics/app';
import { apiKeySecretName, orderStatusMessage } from './brain/index';
import { guardrailsHandlers } from './brain/guardrails/app';
import { llmHealthHandlers } from './brain/llm/health-app';
import type { LlmHealthTracker } from './brain/llm/llm-health';
import { catalogHandlers } from './catalog/app';
import { whatsappHandlers } from './channels/whatsapp/app';
import { contactsHandlers } from './contacts/app';
import { CONTACT_DATA } from './contact-data';
import { conversationsHandlers } from './conversations/app';
import { desktopHandlers } from './desktop/index';
import { draftsHandlers } from './drafts/app';
import { knowledgeHandlers } from './knowledge/app';
import { learningHandlers } from './learning/app';
import type { Learning } from './learning/create-learning';
import { makeFollowUpFigures } from './learning/analytics/follow-up-figures';
import { catalogImageHandlers } from './media/app';
import { messagesHandlers } from './messages/app';
import { ordersHandlers } from './orders/app';
import { makePipelineMessenger } from './orders/pipeline-messenger';
import { newChannelMessageId } from './messages/message-id';
import { quickRepliesHandlers } from './quick-replies/app';
import { llmSettingsHandlers } from './settings/llm-app';
import { settingsHandlers } from './settings/app';
import { shopsHandlers } from './shops/app';
import { listBackups, restoreBackup, runBackup } from './store/backup/backup';
import { makeSyncService, makeSyncStore, syncHandlers } from './sync/index';
import { makeSyncSocket, syncQrDataUrl } from './sync/node-adapters';
import { systemHandlers } from './system/app';
import { testphoneHandlers } from './testphone/app';

/** What a contact's erasure goes through: each domain's own delete, their media and the simulator's raw send log. */
export const erasePaths = (config: CoreConfig) => ({
  domains: CONTACT_DATA,
  mediaDir: path.join(config.dataDir, 'media'),
  rawLogPath: simulatorRawLogPath(config),
});

/** Every domain's handlers registered on one App, each handed the services it uses (not the whole store). */
export function makeCoreApp(
  base: CoreBase,
  ctx: CoreContext,
  parts: { learning: Learning; llmHealth: LlmHealthTracker; media: CoreMedia },
  config: CoreConfig,
): App {
  const { store, services } = base;
  const { products, orders, retriever, knowledge, documents } = services;
  const { learning } = parts;
  const app = new App(base.logger);
  for (const handlers of [
    systemHandlers,
    accountsHandlers,
    conversationsHandlers,
    settingsHandlers,
    draftsHandlers,
    quickRepliesHandlers,
    testphoneHandlers,
    messagesHandlers,
  ]) {
    app.register(handlers(ctx));
  }
  app.register(whatsappHandlers(ctx));
  app.register(shopsHandlers(ctx, { products }));
  app.register(guardrailsHandlers(ctx, { violations: services.violations }));
  app.register(catalogHandlers(ctx, { products, retrieval: retriever }));
  app.register(knowledgeHandlers(ctx, { knowledge, documents, retriever }));
  app.register(catalogImageHandlers(ctx, parts.media.catalogImages));
  app.register(llmSettingsHandlers(ctx, { spendCap: services.spendCap }));
  app.register(learningHandlers(ctx, learning));
  app.register(llmHealthHandlers(ctx, parts.llmHealth));
  app.register(
    ordersHandlers(ctx, { orders, messenger: makePipelineMessenger(ctx, newChannelMessageId), statusMessage: orderStatusMessage }),
  );
  app.register(contactsHandlers(ctx, erasePaths(config)));
  app.register(analyticsHandlers(ctx, { followUps: makeFollowUpFigures(store.read), scheduler: learning.scheduler }));
  // The app's own preferences, the daily backup (a scheduler job) and the diagnostics zip.
  app.register(
    desktopHandlers(ctx, {
      key: base.encryptionKey,
      backup: { run: (opts) => runBackup({ ...opts, sqlite: store.sqlite }), list: listBackups, restore: restoreBackup },
      scheduler: learning.scheduler,
      secretNames: (shopIds) => shopIds.map(apiKeySecretName),
    }),
  );
  return app;
}

/** Multi-device sync: a device's commands go through the same dispatch as local calls. */
export function makeCoreSync(base: CoreBase, app: App, config: CoreConfig) {
  const sync = makeSyncService({
    store: makeSyncStore(base.store.sqlite),
    dataDir: config.dataDir,
    dispatch: (name, input) => app.dispatch(name, input),
    bus: base.bus,
    clock: base.clock,
    logger: base.logger,
    WebSocket: makeSyncSocket(),
    toQrDataUrl: syncQrDataUrl,
    ...config.sync,
  });
  app.register(syncHandlers(sync));
  return sync;
}
