/** App-level preferences, one JSON value per key (migration 0040): not a shop's data. */
export interface AppPreferencesTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface SystemTables {
  app_preferences: AppPreferencesTable;
}
