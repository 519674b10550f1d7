/** The learning domain's door: returning-customer profiles and sales strategies the brain applies, and the scheduler's type. */
export { acceptReorder, personalise, prefillFromProfile, profileAsCustomerText, startsVisit } from './profiles/returning-customer';
export { applyStrategy, strategyPrompt } from './bandit/strategy-lines';
export type { Scheduler } from './scheduler/scheduler';
