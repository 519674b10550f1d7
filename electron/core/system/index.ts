/** The system domain's door: the app-level preferences. */
export { type PreferenceRows, makePreferenceRows, makePreferences } from './preferences';
