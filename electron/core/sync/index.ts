/** The door into multi-device sync: the service createCore builds, and its handlers. */
export { makeSyncService, defaultAppUrl, type SyncService, type SyncDeps } from './sync-service';
export { syncHandlers } from './app';
export { DEVICE_CALLS, DEVICE_EVENTS } from './allowlist';
