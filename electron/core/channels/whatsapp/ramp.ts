import type { NewNumberRamp } from '../../../../shared/domain/whatsapp';
import type { Clock } from '../../ports';
import { makeWaRepo } from './wa-repo';

/**
 * A newly linked number sends more gently for its first week: WhatsApp restricts young
 * companion devices that suddenly message many people. The pipeline multiplies its pacing
 * limits by `rateFactor` and caps how many new chats the bot answers per day.
 */
const STEPS: { untilDay: number; rateFactor: number; newChatsPerDay: number }[] = [
  { untilDay: 2, rateFactor: 0.3, newChatsPerDay: 20 },
  { untilDay: 4, rateFactor: 0.5, newChatsPerDay: 40 },
  { untilDay: 7, rateFactor: 0.75, newChatsPerDay: 80 },
];

export function newNumberRamp(linkedAt: string | null, now: Date): NewNumberRamp | null {
  if (!linkedAt) return null;
  const start = Date.parse(linkedAt);
  if (Number.isNaN(start)) return null;
  const day = Math.max(1, Math.floor((now.getTime() - start) / 86_400_000) + 1);
  const step = STEPS.find((s) => day <= s.untilDay);
  return step ? { day, rateFactor: step.rateFactor, newChatsPerDay: step.newChatsPerDay } : { day, rateFactor: 1, newChatsPerDay: null };
}

/**
 * The ramp of each number as the pipeline's pacing reads it: from the number's linking date, so the pipeline is built
 * before the session manager that needs its sink (the manager's own rampFor reads the same rows).
 */
export function makeRampReader(deps: { sqlite: Parameters<typeof makeWaRepo>[0]; clock: Clock }) {
  const repo = makeWaRepo(deps.sqlite);
  return {
    rampFor: (accountId: number) => newNumberRamp(repo.state(accountId)?.linkedAt ?? null, deps.clock.now()),
  };
}
