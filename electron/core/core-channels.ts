import path from 'node:path';
import type { CoreBase } from './core-base';
import type { CoreConfig } from './create-core';
import { makeSimulatorChannel } from './channels/simulator/simulator-channel';
import { makeTestPhone } from './channels/simulator/test-phone';
import { makeTestPhoneRepo } from './channels/simulator/test-phone-repo';
import { makeSessionManager } from './channels/whatsapp/session-manager';
import type { Pipeline } from './pipeline/create-pipeline';

/** Where the simulator's raw send log lives (the contacts eraser scrubs it too). */
export const simulatorRawLogPath = (config: CoreConfig) =>
  config.simulator?.rawLogPath ?? path.join(config.dataDir, 'simulator', 'raw-send-log.jsonl');

/** The channels, each feeding the pipeline's sink: the simulator and its test phones, and WhatsApp's sessions. */
export function makeCoreChannels(base: CoreBase, config: CoreConfig, pipeline: Pipeline) {
  const { store, clock, logger, notifier, bus } = base;
  const simulator = makeSimulatorChannel({
    rawLogPath: simulatorRawLogPath(config),
    clock,
    fsync: config.simulator?.fsync ?? true,
    receipts: config.simulator?.receipts === false ? undefined : { sink: () => pipeline.sink },
  });
  const attachChannel: Parameters<typeof makeTestPhone>[0]['attachChannel'] = (accountId, channel) =>
    pipeline.attachChannel(accountId, channel);
  const testPhone = makeTestPhone({ repo: makeTestPhoneRepo(store.sqlite), sink: pipeline.sink, attachChannel, simulator, clock });
  testPhone.attachAll();
  const whatsapp = makeSessionManager({
    sqlite: store.sqlite,
    sink: pipeline.sink,
    clock,
    logger,
    notifier,
    bus,
    encryptionKey: base.encryptionKey,
    mediaDir: path.join(config.dataDir, 'media'),
    attachChannel,
    detachChannel: (accountId) => pipeline.detachChannel(accountId),
    ...config.whatsapp,
  });
  return { simulator, testPhone, whatsapp };
}
