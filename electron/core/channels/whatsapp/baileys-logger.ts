import type { SocketConfig } from '@whiskeysockets/baileys';
import type { Logger } from '../../ports';

type ILogger = SocketConfig['logger'];

/**
 * Baileys wants a pino-shaped logger. Ours is smaller; trace is dropped (Baileys traces every
 * frame) and debug is kept only when asked for, so a busy socket cannot flood the log.
 */
export function toBaileysLogger(logger: Logger, bindings: Record<string, unknown> = {}, level = 'warn'): ILogger {
  // `baileys: true` marks protocol chatter: the file log keeps it, the seller's terminal does not.
  const withBindings = (obj: unknown): object =>
    typeof obj === 'object' && obj !== null ? { baileys: true, ...bindings, ...obj } : { baileys: true, ...bindings, msg: String(obj) };
  const verbose = level === 'debug' || level === 'trace';
  return {
    level,
    child: (obj) => toBaileysLogger(logger, { ...bindings, ...obj }, level),
    trace: () => {},
    debug: (obj, msg) => {
      if (verbose) logger.debug(withBindings(obj), msg);
    },
    info: (obj, msg) => {
      if (verbose || level === 'info') logger.info(withBindings(obj), msg);
    },
    warn: (obj, msg) => logger.warn(withBindings(obj), msg),
    error: (obj, msg) => logger.error(withBindings(obj), msg),
  };
}
