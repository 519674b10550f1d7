/** The door into multi-device sync: the service createCore builds, and its handlers. */
export { makeSyncService, defaultAppUrl, type SyncService, type SyncDeps } from './sync-service';
export { syncHandlers } from './app';
export { makeSyncStore } from './sync-store';
export { DEVICE_CALLS, DEVICE_EVENTS } from './allowlist';
export { makeDevicesRepo, type DeviceRow } from './devices-repo';
export { makeCommandsRepo, type CommandRow } from './commands-repo';
