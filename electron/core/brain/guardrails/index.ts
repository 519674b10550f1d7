/** Guardrails run after either brain, before a reply reaches the outbox. Pure functions. */
export { type Backing, type StoreFacts, buildBacking } from './backing';
export { type ReplyCheckInput, checkReply } from './check-reply';
export { type NumberKind, type StatedNumber, extractNumbers, normalizeDigits, readNumber } from './numbers';
export { type CustomerSignals, type SensitiveTopic, readCustomerSignals } from './sensitive';
export { safeReply } from './safe-reply';
