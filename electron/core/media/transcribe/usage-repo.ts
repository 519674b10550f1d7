import type { WritableSqlite } from '../../store';

/** Seconds of audio transcribed per shop per day (migration 0075): the minutes cap reads and feeds it. */
export function makeTranscriptionUsageRepo(sqlite: WritableSqlite) {
  const s = {
    day: sqlite.prepare<[number, string], { seconds: number }>(`SELECT seconds FROM transcription_usage WHERE shop_id = ? AND day = ?`),
    add: sqlite.prepare<[number, string, number]>(
      `INSERT INTO transcription_usage (shop_id, day, seconds, requests) VALUES (?, ?, ?, 1)
       ON CONFLICT (shop_id, day) DO UPDATE SET seconds = seconds + excluded.seconds, requests = requests + 1`,
    ),
  };
  return {
    secondsOn(shopId: number, day: string): number {
      return s.day.get(shopId, day)?.seconds ?? 0;
    },
    add(shopId: number, day: string, seconds: number): void {
      s.add.run(shopId, day, Math.max(0, seconds));
    },
  };
}
export type TranscriptionUsageRepo = ReturnType<typeof makeTranscriptionUsageRepo>;
