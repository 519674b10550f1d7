import type { Generated } from 'kysely';

/** A product photo fetched into the data folder (0070); `file` null until it is, `error` when it failed. */
export interface CatalogImagesTable {
  id: Generated<number>;
  shop_id: number;
  product_id: number;
  source_url: string;
  file: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  /** JSON list of perceptual hashes. */
  hashes: Generated<string>;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** Voice-note transcription spent per shop and day (0075). */
export interface TranscriptionUsageTable {
  shop_id: number;
  day: string;
  seconds: Generated<number>;
  requests: Generated<number>;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface MediaTables {
  catalog_images: CatalogImagesTable;
  transcription_usage: TranscriptionUsageTable;
}
