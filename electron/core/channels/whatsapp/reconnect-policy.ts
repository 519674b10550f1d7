import { DisconnectReason } from '@whiskeysockets/baileys';
import type { AccountStatus } from '../../../../shared/domain/schemas';

/**
 * What to do when a socket closes, by DisconnectReason (after OpenClaw's web monitor):
 * restart at once, back off, or stop and tell the seller. Pure: the session applies it.
 */
export type CloseAction =
  | { kind: 'restart' }
  | { kind: 'backoff'; delayMs: number; attempt: number; alert: boolean }
  | { kind: 'stop'; status: AccountStatus; detail: string; clearCreds: boolean; alert: boolean };

export interface BackoffOptions {
  initialMs: number;
  factor: number;
  maxMs: number;
  jitter: number;
  /** After this many fast retries failed in a row: retry every `slowMs` and alert once. */
  maxFastAttempts: number;
  slowMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 2000, factor: 1.8, maxMs: 30_000, jitter: 0.25, maxFastAttempts: 12, slowMs: 60_000 };

/** Delay before attempt `attempt` (1-based): 2 s × 1.8^(n−1), capped at 30 s, ±25 % jitter; every 60 s past 12. */
export function backoffDelay(attempt: number, random: () => number, o: BackoffOptions = DEFAULT_BACKOFF): number {
  if (attempt > o.maxFastAttempts) return o.slowMs;
  const base = Math.min(o.maxMs, o.initialMs * o.factor ** (attempt - 1));
  const spread = (random() * 2 - 1) * o.jitter;
  return Math.round(base * (1 + spread));
}

/** The status code Baileys puts on a close (a Boom's output.statusCode), if any. */
export function disconnectCode(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const output = (error as { output?: { statusCode?: unknown } }).output;
  return typeof output?.statusCode === 'number' ? output.statusCode : undefined;
}

export interface CloseContext {
  code: number | undefined;
  /** Failed attempts in a row before this close (0 after a connection that stayed up). */
  failures: number;
  /** Whether the account finished linking: an unlinked socket never loops. */
  linked: boolean;
  random: () => number;
  backoff?: BackoffOptions;
}

export function decideOnClose(ctx: CloseContext): CloseAction {
  const { code } = ctx;
  if (code === DisconnectReason.restartRequired) return { kind: 'restart' };
  if (code === DisconnectReason.forbidden) {
    return { kind: 'stop', status: 'banned', detail: 'WhatsApp has restricted this number (403). Souqbot will not reconnect it.', clearCreds: false, alert: true };
  }
  if (code === DisconnectReason.loggedOut || code === DisconnectReason.badSession || code === DisconnectReason.multideviceMismatch) {
    return {
      kind: 'stop',
      status: 'logged_out',
      detail: code === DisconnectReason.loggedOut ? 'This number was unlinked from the phone. Link it again.' : 'The WhatsApp session is no longer valid. Link the number again.',
      clearCreds: true,
      alert: true,
    };
  }
  if (code === DisconnectReason.connectionReplaced) {
    return {
      kind: 'stop',
      status: 'error',
      detail: 'Another WhatsApp Web session took over this number. Close it, then reconnect here.',
      clearCreds: false,
      alert: true,
    };
  }
  if (!ctx.linked) {
    // A QR or pairing code that ran out, or a network error while linking: the seller restarts it.
    return { kind: 'stop', status: 'disconnected', detail: 'Linking stopped before the phone confirmed. Start again.', clearCreds: false, alert: false };
  }
  // connectionLost / timedOut (408), connectionClosed (428), unavailableService (503), and
  // anything unknown: transient until proven otherwise.
  const attempt = ctx.failures + 1;
  const o = ctx.backoff ?? DEFAULT_BACKOFF;
  return { kind: 'backoff', attempt, delayMs: backoffDelay(attempt, ctx.random, o), alert: attempt === o.maxFastAttempts + 1 };
}
