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

/** Desktop notifications in Electron; a log line headless. */
export interface Notifier {
  notify(title: string, body: string): void;
}

export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
