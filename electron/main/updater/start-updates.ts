import { createPlatformUpdater } from './electron-updater-adapter';
import { type UpdateChannel, type UpdateController, type UpdateState, makeUpdateController } from './update-policy';

const SIX_HOURS = 6 * 60 * 60 * 1000;

export interface StartUpdatesOptions {
  /** The generic feed folder (`publish.url` of electron-builder.yml); none → updates are off. */
  feedUrl: string | undefined;
  channel: UpdateChannel;
  /** A dev build (`electron .`) never updates itself. */
  isPackaged: boolean;
  drainCore(): Promise<void>;
  onState(state: UpdateState): void;
}

/** Checks at start and every six hours, downloading in the background; the seller installs on quit or "restart now". */
export function startUpdates(options: StartUpdatesOptions): { controller: UpdateController | null; stop(): void } {
  if (!options.isPackaged || !options.feedUrl) {
    options.onState({ phase: 'off', reason: options.isPackaged ? 'no update feed is configured' : 'a development build does not update' });
    return { controller: null, stop() {} };
  }
  const controller = makeUpdateController({
    updater: createPlatformUpdater({ platform: process.platform, env: process.env }),
    feedUrl: options.feedUrl,
    channel: options.channel,
    drainCore: options.drainCore,
    onState: options.onState,
  });
  void controller.check();
  const timer = setInterval(() => void controller.check(), SIX_HOURS);
  return { controller, stop: () => clearInterval(timer) };
}
