import { type WritableSqlite, typedStatements } from '../../store';
import type { MediaTables } from '../tables';

/** Seconds of audio transcribed per shop per day (migration 0075): the minutes cap reads and feeds it. */
export function makeTranscriptionUsageRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<MediaTables>(sqlite);
  const s = {
    day: statements.prepare((db, p: { shopId: number; day: string }) =>
      db.selectFrom('transcription_usage').select('seconds').where('shop_id', '=', p.shopId).where('day', '=', p.day),
    ),
    add: statements.prepare((db, p: { shopId: number; day: string; seconds: number }) =>
      db
        .insertInto('transcription_usage')
        .values({ shop_id: p.shopId, day: p.day, seconds: p.seconds, requests: 1 })
        .onConflict((oc) =>
          oc.columns(['shop_id', 'day']).doUpdateSet((eb) => ({
            seconds: eb('seconds', '+', eb.ref('excluded.seconds')),
            requests: eb('requests', '+', 1),
          })),
        ),
    ),
  };
  return {
    secondsOn(shopId: number, day: string): number {
      return s.day.get({ shopId, day })?.seconds ?? 0;
    },
    add(shopId: number, day: string, seconds: number): void {
      s.add.run({ shopId, day, seconds: Math.max(0, seconds) });
    },
  };
}
export type TranscriptionUsageRepo = ReturnType<typeof makeTranscriptionUsageRepo>;
