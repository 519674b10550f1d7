/** The system domain's door: the app-level preferences. */
export { makePreferences } from './preferences';
