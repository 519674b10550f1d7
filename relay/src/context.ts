import type { Bus } from './bus';
import type { RelayLimits } from './limits';
import type { DailyQuota, RateLimiter } from './rate-limit';
import type { RelayStore } from './store';

/** What every session of one relay instance shares. */
export interface RelayContext {
  store: RelayStore;
  bus: Bus;
  limits: RelayLimits;
  deviceLimiter: RateLimiter;
  groupLimiter: RateLimiter;
  pairLimiter: RateLimiter;
  groupQuota: DailyQuota;
  /** store-first: mailbox write before live delivery (SQLite); offer-first: live first, stored if not acked (NATS) */
  deliveryMode: 'store-first' | 'offer-first';
  offerTimeoutMs: number;
  /** a fresh id for an offered (not stored) delivery, unique across instances */
  hotId(): string;
  now(): number;
  log(line: string): void;
  /** Count this instance's sockets per device; returns the new count. */
  connected(device: string, delta: 1 | -1): number;
}
