import type { Envelope } from './errors';
import type { EventMessage } from './events';
// Types only: the sandboxed preload imports this file, and must not pull zod in with it.
import type { NotifierNotice } from '../domain/notices';

/**
 * Messages between Electron main and core running in a utilityProcess (a parent port).
 * Plain structured-cloneable objects; every one carries a `type` tag. Main speaks first with
 * `init`; core answers `ready` (or `fatal`) and from then on answers each `call` with exactly
 * one `result` carrying the same id. Events and notifications flow core → main unasked.
 */

/** What core needs from its host before it can open the data directory. */
export interface InitMessage {
  type: 'init';
  dataDir: string;
  /** 32-byte key unwrapped by main from the OS keychain (safeStorage), base64; absent → core's own key file. */
  encryptionKey?: string;
}

export interface CallMessage {
  type: 'call';
  id: number;
  name: string;
  input: unknown;
}

/** Asks core to close its database cleanly (WAL checkpoint) and exit. */
export interface ShutdownMessage {
  type: 'shutdown';
}

export type ToCoreMessage = InitMessage | CallMessage | ShutdownMessage;

export interface ReadyMessage {
  type: 'ready';
  version: string;
}

/** Core could not start (e.g. the database is from a newer version); the message is for the user. */
export interface FatalMessage {
  type: 'fatal';
  message: string;
}

export interface ResultMessage {
  type: 'result';
  id: number;
  envelope: Envelope<unknown>;
}

export interface PortEventMessage {
  type: 'event';
  event: EventMessage;
}

/** A desktop notice from core's notifier: a code main words in the seller's language (shared/desktop/notifier-strings.ts). */
export interface NotifyMessage {
  type: 'notify';
  notice: NotifierNotice;
}

export type FromCoreMessage = ReadyMessage | FatalMessage | ResultMessage | PortEventMessage | NotifyMessage;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Narrows what arrived on core's port; anything else is ignored by the receiver. */
export function isToCoreMessage(value: unknown): value is ToCoreMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'init':
      return typeof value.dataDir === 'string' && (value.encryptionKey === undefined || typeof value.encryptionKey === 'string');
    case 'call':
      return Number.isSafeInteger(value.id) && typeof value.name === 'string';
    case 'shutdown':
      return true;
    default:
      return false;
  }
}

/** Narrows what arrived from core on main's side. */
export function isFromCoreMessage(value: unknown): value is FromCoreMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return typeof value.version === 'string';
    case 'fatal':
      return typeof value.message === 'string';
    case 'result':
      return Number.isSafeInteger(value.id) && isRecord(value.envelope) && typeof value.envelope.ok === 'boolean';
    case 'event':
      return isRecord(value.event) && typeof value.event.name === 'string';
    case 'notify':
      return isRecord(value.notice) && typeof value.notice.code === 'string' && isRecord(value.notice.params);
    default:
      return false;
  }
}

/** IPC channel names between preload and main. */
export const IPC_CALL = 'souq:call';
export const IPC_EVENT = 'souq:event';
export const IPC_CONNECTION = 'souq:connection';
/** Asks main for the current connection state (a renderer that loaded after `ready` missed the push). */
export const IPC_CONNECTION_STATE = 'souq:connection-state';
