import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { makePreferences } from './preferences';

export function systemHandlers(ctx: CoreContext): HandlerMap {
  const prefs = makePreferences(ctx.store.db);
  return {
    'system/get-ui-locale': async () => ({ locale: await prefs.uiLocale() }),
    'system/set-ui-locale': async ({ locale }) => {
      await prefs.setUiLocale(locale, ctx.clock.now().toISOString());
      return { locale };
    },
    'system/get-setup': async () => ({ progress: await prefs.setupProgress() }),
    'system/set-setup': async ({ progress }) => {
      await prefs.setSetupProgress(progress, ctx.clock.now().toISOString());
      return { progress };
    },
    'system/ping': ({ echo }) => ({ echo, at: ctx.clock.now().toISOString() }),
    'system/get-info': () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      schemaVersion: ctx.store.schemaVersion,
      startedAt: ctx.startedAt,
    }),
    'system/get-storage-status': () => ctx.pipeline.storage.state(),
  };
}
