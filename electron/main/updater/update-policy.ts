/**
 * How Souqbot updates itself, free of Electron and electron-updater so it runs under plain Node in tests: which feed
 * file a channel reads, that a version is never replaced by an older one (not even when the seller leaves the beta
 * channel), background download with progress, and installing only after core is drained — no turn half-done, the
 * outbox flushed or left durable for the next start.
 */
export type UpdateChannel = 'stable' | 'beta';

export interface UpdateProgress {
  percent: number;
  bytesPerSecond: number;
}

/** The part of electron-updater's AppUpdater this policy drives (see electron-updater-adapter.ts). */
export interface UpdaterPort {
  channel: string | null;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'download-progress', listener: (progress: UpdateProgress) => void): unknown;
}

export type UpdateState =
  | { phase: 'off'; reason: string }
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'up-to-date' }
  | { phase: 'downloading'; version: string; percent: number }
  | { phase: 'ready'; version: string }
  | { phase: 'installing'; version: string }
  | { phase: 'error'; message: string };

/** electron-builder writes `latest*.yml` for stable builds and `beta*.yml` for `x.y.z-beta.n` builds. */
export const feedChannel = (channel: UpdateChannel): string => (channel === 'beta' ? 'beta' : 'latest');

/** Points the updater at the feed for a channel. Setting a channel makes electron-updater allow downgrades: undone. */
export function applyChannel(updater: UpdaterPort, feedUrl: string, channel: UpdateChannel): void {
  updater.setFeedURL({ provider: 'generic', url: feedUrl, channel: feedChannel(channel) });
  updater.channel = feedChannel(channel);
  updater.allowPrerelease = channel === 'beta';
  updater.allowDowngrade = false;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
}

export interface UpdateControllerDeps {
  updater: UpdaterPort;
  feedUrl: string | undefined;
  channel: UpdateChannel;
  /** Resolves once core has finished its turns in flight and stopped taking new ones (outbox durable). */
  drainCore(): Promise<void>;
  onState(state: UpdateState): void;
}

export interface UpdateController {
  check(): Promise<UpdateState>;
  setChannel(channel: UpdateChannel): Promise<UpdateState>;
  /** "Restart now": drains core, then installs. Without a downloaded update, does nothing. */
  restartNow(): Promise<boolean>;
  readonly state: UpdateState;
}

export function makeUpdateController(deps: UpdateControllerDeps): UpdateController {
  let state: UpdateState = deps.feedUrl ? { phase: 'idle' } : { phase: 'off', reason: 'no update feed is configured' };
  const set = (next: UpdateState) => {
    state = next;
    deps.onState(next);
    return next;
  };
  if (deps.feedUrl) applyChannel(deps.updater, deps.feedUrl, deps.channel);
  deps.updater.on('download-progress', (progress) => {
    if (state.phase === 'downloading') set({ ...state, percent: Math.round(progress.percent) });
  });

  async function check(): Promise<UpdateState> {
    if (state.phase === 'off' || state.phase === 'installing' || state.phase === 'downloading') return state;
    set({ phase: 'checking' });
    try {
      const result = await deps.updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return set({ phase: 'up-to-date' });
      const version = result.updateInfo.version;
      set({ phase: 'downloading', version, percent: 0 });
      await deps.updater.downloadUpdate();
      return set({ phase: 'ready', version });
    } catch (err) {
      return set({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  return {
    check,
    async setChannel(channel) {
      if (!deps.feedUrl || state.phase === 'installing') return state;
      applyChannel(deps.updater, deps.feedUrl, channel);
      if (state.phase !== 'downloading') state = { phase: 'idle' };
      return check();
    },
    async restartNow() {
      if (state.phase !== 'ready') return false;
      const { version } = state;
      set({ phase: 'installing', version });
      await deps.drainCore();
      deps.updater.quitAndInstall(false, true);
      return true;
    },
    get state() {
      return state;
    },
  };
}
