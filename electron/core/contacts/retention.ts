import type { ShopSettings } from '../../../shared/domain/settings';
import type { Scheduler } from '../learning';
import type { Logger } from '../ports';
import { type EraseDeps, eraseContact } from './erase-contact';

const DAY_MS = 86_400_000;

export interface RetentionDeps extends EraseDeps {
  /** A shop's settings: `bot.retentionDays` (0 = keep forever). */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** Core's logger: how many customers each pass erased. */
  logger: Logger;
}

/**
 * One retention pass: in every shop whose seller set a retention period, customers with no message
 * for that many days are erased through the one deletion path, once a day on the scheduler. Returns how many customers it erased.
 */
export async function runRetention(deps: RetentionDeps, now: Date): Promise<number> {
  const shops = deps.sqlite.prepare<[], { id: number }>('SELECT id FROM shops').all();
  let erased = 0;
  for (const { id: shopId } of shops) {
    const days = (await deps.settingsOf(shopId)).bot.retentionDays;
    if (days <= 0) continue;
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    // A contact's last activity is their newest message in any conversation (or their creation).
    const stale = deps.sqlite
      .prepare<[number, string], { id: number }>(
        `SELECT k.id FROM contacts k LEFT JOIN conversations c ON c.contact_id = k.id
         WHERE k.shop_id = ? GROUP BY k.id HAVING coalesce(max(c.last_message_at), k.created_at) < ?`,
      )
      .all(shopId, cutoff);
    for (const { id } of stale) if (eraseContact(deps, shopId, id)) erased += 1;
    if (stale.length) deps.logger.info({ shopId, days, erased: stale.length }, 'retention: inactive customers deleted');
  }
  return erased;
}

const RETENTION_JOB = 'contacts/retention';

/** The pass as a daily job of the persistent scheduler: failures retry with its backoff and show in Settings. */
export function registerRetentionJob(scheduler: Pick<Scheduler, 'register' | 'every'>, deps: RetentionDeps, now: () => Date): void {
  scheduler.register(RETENTION_JOB, async () => {
    await runRetention(deps, now());
  });
  scheduler.every(RETENTION_JOB, RETENTION_JOB, DAY_MS);
}
