import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';

export function systemHandlers(ctx: CoreContext): HandlerMap {
  return {
    'system/ping': ({ echo }) => ({ echo, at: ctx.clock.now().toISOString() }),
    'system/info': () => ({
      version: ctx.version,
      dataDir: ctx.dataDir,
      schemaVersion: ctx.store.schemaVersion,
      startedAt: ctx.startedAt,
    }),
    'system/storage-status': () => ctx.pipeline.storage.state(),
  };
}
