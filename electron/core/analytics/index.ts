/** The analytics domain's door: the service over the read-only handle and its calendar days. */
export { PeriodError, makeAnalytics } from './service';
export { addDays } from './zone';
