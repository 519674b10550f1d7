import type { EventBus } from '../../events';
import type { Logger } from '../../ports';
import type { Scheduler } from '../scheduler/scheduler';
import type { AnalysisResult, Analyzer } from './analyzer';

const ANALYZE_JOB = 'analyze';
const SIX_HOURS = 6 * 3_600_000;

/**
 * When analysis runs: every 6 hours for every shop (a scheduler job) and when the seller presses
 * "Learn now". One pass per shop at a time: asking again while it runs joins the running pass.
 */
export function makeAnalysisRuns(deps: {
  analyzer: Analyzer;
  scheduler: Scheduler;
  bus: EventBus;
  logger: Logger;
  now(): Date;
  shopIds(): Promise<number[]>;
}) {
  const running = new Map<number, Promise<AnalysisResult>>();

  function learnNow(shopId: number): Promise<AnalysisResult> {
    const current = running.get(shopId);
    if (current) return current;
    const pass = deps.analyzer
      .run(shopId, (done, total) => deps.bus.emit('learning/progress', { shopId, done, total }))
      .finally(() => running.delete(shopId));
    running.set(shopId, pass);
    return pass;
  }

  deps.scheduler.register(ANALYZE_JOB, async () => {
    for (const shopId of await deps.shopIds()) {
      const result = await learnNow(shopId);
      if (result.analysed) deps.logger.info({ shopId, ...result }, 'learned from sales');
    }
  });
  // The first pass 6 h after the first start, not during it; later starts keep the stored time.
  deps.scheduler.every(ANALYZE_JOB, ANALYZE_JOB, SIX_HOURS, { firstAt: new Date(deps.now().getTime() + SIX_HOURS) });

  return { learnNow, isRunning: (shopId: number) => running.has(shopId) };
}
