/** The analytics domain's door: the read-only handle, the service over it and its calendar days. */
export { makeReadHandle } from './read-handle';
export { PeriodError, makeAnalytics } from './service';
export { addDays } from './zone';
