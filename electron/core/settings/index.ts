/** What other domains may use of settings: the per-shop settings repository. */
export { type SettingsRepo, makeSettingsRepo } from './settings-repo';
