import { ChannelSendError } from '../types';
import { disconnectCode } from './reconnect-policy';

/** Codes for which sending again cannot help (bad request, not allowed, no such recipient). */
const PERMANENT = new Set([400, 403, 404, 406, 413]);

/**
 * Maps a Baileys send failure to the pipeline's ChannelSendError. Socket-level failures
 * (closed, timed out, lost, unknown) are transient: the outbox row stays retryable, and the
 * retry reuses the same message id so the customer never gets it twice.
 */
export function toChannelSendError(err: unknown): ChannelSendError {
  if (err instanceof ChannelSendError) return err;
  const code = disconnectCode(err);
  const message = err instanceof Error ? err.message : String(err);
  return new ChannelSendError(code ? `${message} (${code})` : message, !(code !== undefined && PERMANENT.has(code)));
}
