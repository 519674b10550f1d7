import type { NotifierNotice } from '../../shared/domain/notices';

/**
 * What core needs from its host, injected through createCore's config. The Electron shell and
 * the headless server each provide their own; tests provide fakes. No module-level singletons.
 */
export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Secret storage for key material (API keys, WhatsApp key encryption key). */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/**
 * Desktop notifications in Electron; a log line headless. A code with parameters, never words: the shell and the
 * browser word it in the seller's language (shared/desktop/notifier-strings.ts).
 */
export interface Notifier {
  notify(notice: NotifierNotice): void;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
