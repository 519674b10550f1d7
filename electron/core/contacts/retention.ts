import type { ShopSettings } from '../../../shared/domain/settings';
import type { Logger } from '../ports';
import { type EraseDeps, eraseContact } from './erase-contact';
import { makeRetentionRepo } from './retention-repo';

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
  const repo = makeRetentionRepo(deps.sqlite);
  const shops = repo.shopIds();
  let erased = 0;
  for (const { id: shopId } of shops) {
    const days = (await deps.settingsOf(shopId)).bot.retentionDays;
    if (days <= 0) continue;
    const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
    const stale = repo.staleContacts(shopId, cutoff);
    for (const { id } of stale) if (eraseContact(deps, shopId, id)) erased += 1;
    if (stale.length) deps.logger.info({ shopId, days, erased: stale.length }, 'retention: inactive customers deleted');
  }
  return erased;
}

const RETENTION_JOB = 'contacts/retention';

/**
 * What the retention pass needs of core's persistent job scheduler (learning's Scheduler has it): declared here and
 * filled by the composition root, so contacts does not depend on learning.
 */
export interface RetentionScheduler {
  /** Registers what runs the retention job. */
  register(kind: string, handler: () => Promise<void>): void;
  /** Keeps one recurring job of that kind, every `everyMs`. */
  every(kind: string, key: string, everyMs: number): void;
}

/** The pass as a daily job of the persistent scheduler: failures retry with its backoff and show in Settings. */
export function registerRetentionJob(scheduler: RetentionScheduler, deps: RetentionDeps, now: () => Date): void {
  scheduler.register(RETENTION_JOB, async () => {
    await runRetention(deps, now());
  });
  scheduler.every(RETENTION_JOB, RETENTION_JOB, DAY_MS);
}
