import type { HandlerMap } from '../app';
import type { SyncService } from './sync-service';

/** The seller's side of multi-device sync: on/off, pairing, the paired devices. Never callable from a device. */
export function syncHandlers(sync: SyncService): HandlerMap {
  return {
    'sync/get-status': () => sync.status(),
    'sync/configure': (input) => sync.configure(input),
    'sync/start-pairing': () => sync.startPairing(),
    'sync/unpair': ({ deviceId }) => sync.unpair(deviceId),
  };
}
