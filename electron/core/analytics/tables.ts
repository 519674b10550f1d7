/** Analytics' own tables (migration 0050): daily rollups and the hours whose rollups are stale. */
export interface AnalyticsDaysTable {
  shop_id: number;
  day: string;
  time_zone: string;
  /** JSON DayFacts (day-facts.ts). */
  facts: string;
  built_at: string;
  build: number;
}

export interface AnalyticsDirtyHoursTable {
  shop_id: number;
  utc_hour: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface AnalyticsTables {
  analytics_days: AnalyticsDaysTable;
  analytics_dirty_hours: AnalyticsDirtyHoursTable;
}
