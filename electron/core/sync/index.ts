/** The door into multi-device sync: the service createCore builds, and its handlers. */
export { makeSyncService, type SyncService, type SyncDeps } from './sync-service';
export { syncHandlers } from './app';
export { makeSyncStore } from './sync-store';
export { makeDevicesRepo, type DeviceRow } from './devices-repo';
export { makeCommandsRepo, type CommandRow } from './commands-repo';
