/** Kysely table types of the settings domain (migration 0001): one JSON document per shop. */
export interface SettingsTable {
  shop_id: number;
  doc: string;
  updated_at: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface SettingsTables {
  settings: SettingsTable;
}
