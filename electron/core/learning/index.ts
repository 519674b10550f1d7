/** The learning domain's door: the scheduler's type, and the outbox its follow-ups write through (the pipeline fills it). */
export type { Scheduler } from './scheduler/scheduler';
export type { ProactiveOutbox } from './follow-ups/proactive-outbox';
