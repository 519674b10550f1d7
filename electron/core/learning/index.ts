/** The learning domain's door: the scheduler's type. */
export type { Scheduler } from './scheduler/scheduler';
