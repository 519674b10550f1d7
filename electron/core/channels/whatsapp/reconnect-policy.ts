import { DisconnectReason } from '@whiskeysockets/baileys';
import { type WhatsAppNotice, whatsappNotice } from '../../../../shared/domain/notices';
import type { AccountStatus } from '../../../../shared/domain/schemas';

/**
 * What to do when a socket closes, by DisconnectReason (after OpenClaw's web monitor):
 * restart at once, back off, or stop and tell the seller. Pure: the session applies it.
 */
export type CloseAction =
  | { kind: 'restart' }
  | { kind: 'backoff'; delayMs: number; attempt: number; alert: boolean }
  | { kind: 'stop'; status: AccountStatus; detail: WhatsAppNotice; clearCreds: boolean; alert: boolean };

export interface BackoffOptions {
  /** Wait before the first reconnect attempt, in ms. Default 2 s. */
  initialMs: number;
  /** Each further attempt waits this many times longer. Default 1.8. */
  factor: number;
  /** Longest fast-retry wait, in ms. Default 30 s. */
  maxMs: number;
  /** ± this fraction of the wait, at random, so numbers do not reconnect in step. Default 0.25. */
  jitter: number;
  /** After this many fast retries failed in a row: retry every `slowMs` and alert once. */
  maxFastAttempts: number;
  /** The wait once the fast retries are spent, in ms. Default 60 s. */
  slowMs: number;
}

const DEFAULT_BACKOFF: BackoffOptions = {
  initialMs: 2000,
  factor: 1.8,
  maxMs: 30_000,
  jitter: 0.25,
  maxFastAttempts: 12,
  slowMs: 60_000,
};

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

/**
 * Whether a close came from the network (DNS, refused, reset, unreachable, timed out) rather
 * than from WhatsApp: Baileys wraps socket errors as "WebSocket Error (connect ECONNREFUSED …)"
 * with the errno in `data.code`.
 */
export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { message?: unknown; code?: unknown; data?: { code?: unknown } | null };
  const code = typeof e.data?.code === 'string' ? e.data.code : typeof e.code === 'string' ? e.code : '';
  if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ECONNRESET|EPIPE)$/.test(code)) return true;
  return (
    typeof e.message === 'string' &&
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|WebSocket Error|Opening handshake has timed out/.test(e.message)
  );
}

/** How far a linking attempt got before the socket closed. */
export type LinkPhase = 'not_linking' | 'before_code' | 'code_shown';

export interface CloseContext {
  code: number | undefined;
  /** The close came from the network, not from WhatsApp (see isNetworkError). */
  network?: boolean;
  /** While linking: whether a QR or pairing code reached the seller before the close. */
  linkPhase?: LinkPhase;
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
    return { kind: 'stop', status: 'banned', detail: whatsappNotice('banned'), clearCreds: false, alert: true };
  }
  if (code === DisconnectReason.loggedOut || code === DisconnectReason.badSession || code === DisconnectReason.multideviceMismatch) {
    return {
      kind: 'stop',
      status: 'logged_out',
      detail: whatsappNotice(code === DisconnectReason.loggedOut ? 'logged_out_phone' : 'session_invalid'),
      clearCreds: true,
      alert: true,
    };
  }
  if (code === DisconnectReason.connectionReplaced) {
    return {
      kind: 'stop',
      status: 'error',
      detail: whatsappNotice('replaced_elsewhere'),
      clearCreds: false,
      alert: true,
    };
  }
  if (!ctx.linked) return { kind: 'stop', status: 'disconnected', detail: linkFailure(ctx), clearCreds: false, alert: false };
  // connectionLost / timedOut (408), connectionClosed (428), unavailableService (503), and
  // anything unknown: transient until proven otherwise.
  const attempt = ctx.failures + 1;
  const o = ctx.backoff ?? DEFAULT_BACKOFF;
  return { kind: 'backoff', attempt, delayMs: backoffDelay(attempt, ctx.random, o), alert: attempt === o.maxFastAttempts + 1 };
}

/**
 * Why a linking attempt stopped, in the seller's terms. The socket never got a code to show →
 * WhatsApp could not be reached (no internet, firewall); a code was shown and WhatsApp ended the
 * refs (408) → it expired; anything else after a code → the phone or WhatsApp refused.
 */
function linkFailure(ctx: CloseContext): WhatsAppNotice {
  if (ctx.network || ctx.linkPhase === 'before_code' || ctx.linkPhase === undefined) return whatsappNotice('no_network');
  if (ctx.code === DisconnectReason.timedOut) return whatsappNotice('link_expired');
  return whatsappNotice('phone_refused');
}
