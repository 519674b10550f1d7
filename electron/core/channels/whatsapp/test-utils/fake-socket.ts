import { EventEmitter } from 'node:events';
import {
  type AnyMessageContent,
  type BaileysEventEmitter,
  type BaileysEventMap,
  type Contact,
  type MiscMessageGenerationOptions,
  proto,
  type UserFacingSocketConfig,
  type WAMessage,
  type WAMessageKey,
  type WAPresence,
} from '@whiskeysockets/baileys';
import type { SocketFactory, WaSocket } from '../socket-types';

/**
 * A Baileys message as the socket delivers it: built with Baileys' own protobuf classes and
 * round-tripped through encode/decode, so tests see exactly what the wire gives (Longs,
 * defaults, unknown-field handling) and never an object literal cast to Baileys' types.
 */
export function waMessage(obj: Record<string, unknown>, extraKey: Partial<WAMessageKey> = {}): WAMessage {
  const bytes = proto.WebMessageInfo.encode(proto.WebMessageInfo.fromObject(obj)).finish();
  const decoded = proto.WebMessageInfo.decode(bytes);
  if (!decoded.key) throw new Error('waMessage needs a key');
  // remoteJidAlt / participantAlt are not protobuf fields: Baileys adds them from the stanza.
  return Object.assign(decoded, { key: Object.assign(decoded.key, extraKey) });
}

/** A close error shaped like Baileys' Boom (output.statusCode). */
export const closeError = (statusCode: number, message = `closed ${statusCode}`): Error =>
  Object.assign(new Error(message), { output: { statusCode } });

class TypedEmitter implements BaileysEventEmitter {
  private readonly inner = new EventEmitter();
  on<T extends keyof BaileysEventMap>(event: T, listener: (arg: BaileysEventMap[T]) => void): void {
    this.inner.on(event, listener);
  }
  off<T extends keyof BaileysEventMap>(event: T, listener: (arg: BaileysEventMap[T]) => void): void {
    this.inner.off(event, listener);
  }
  removeAllListeners<T extends keyof BaileysEventMap>(event: T): void {
    this.inner.removeAllListeners(event);
  }
  emit<T extends keyof BaileysEventMap>(event: T, arg: BaileysEventMap[T]): boolean {
    return this.inner.emit(event, arg);
  }
}

export interface SentRecord {
  jid: string;
  content: AnyMessageContent;
  options: MiscMessageGenerationOptions | undefined;
}

/** A socket double: records what Souqbot asks of it; the test drives its events. */
class FakeSocket implements WaSocket {
  readonly ev = new TypedEmitter();
  user: Contact | undefined;
  ended: Error | undefined | null = null;
  loggedOut = false;
  pairingPhone: string | null = null;
  readonly sent: SentRecord[] = [];
  readonly presences: { type: WAPresence; jid: string | undefined }[] = [];
  readonly reads: WAMessageKey[] = [];
  /** Makes the next sendMessage throw this error (then clears). */
  failNextSend: Error | null = null;
  readonly lids = new Map<string, string>();
  readonly signalRepository = {
    lidMapping: { getPNForLID: async (lid: string) => this.lids.get(lid) ?? null },
  };

  constructor(readonly config: UserFacingSocketConfig) {}

  end(error: Error | undefined): void {
    if (this.ended !== null) return;
    this.ended = error;
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
  }

  async logout(): Promise<void> {
    this.loggedOut = true;
    this.end(closeError(401, 'Intentional Logout'));
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.pairingPhone = phoneNumber;
    return 'K7QD4XWP';
  }

  async sendMessage(jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions): Promise<WAMessage | undefined> {
    if (this.failNextSend) {
      const err = this.failNextSend;
      this.failNextSend = null;
      throw err;
    }
    this.sent.push({ jid, content, options });
    const text = 'text' in content && typeof content.text === 'string' ? content.text : '';
    return waMessage({
      key: { remoteJid: jid, fromMe: true, id: options?.messageId ?? 'GEN' },
      message: { conversation: text },
      messageTimestamp: 1,
    });
  }

  async sendPresenceUpdate(type: WAPresence, toJid?: string): Promise<void> {
    this.presences.push({ type, jid: toJid });
  }

  async readMessages(keys: WAMessageKey[]): Promise<void> {
    this.reads.push(...keys);
  }

  // --- what the server side would do ---

  qr(ref = 'ref-1'): void {
    this.ev.emit('connection.update', { connection: 'connecting', qr: `${ref},noise,identity,adv` });
  }

  /** What Baileys does when the phone confirms the link: fills creds, saves, then asks for a restart. */
  pairSuccess(meJid: string): void {
    const creds = this.config.auth.creds;
    creds.me = { id: meJid, name: 'Boutique' };
    creds.account = proto.ADVSignedDeviceIdentity.fromObject({ details: Buffer.from('details'), accountSignatureKey: Buffer.alloc(32, 7) });
    creds.platform = 'android';
    this.ev.emit('creds.update', { me: creds.me, account: creds.account, platform: creds.platform });
    this.ev.emit('connection.update', { isNewLogin: true, qr: undefined });
    this.end(closeError(515, 'Stream Errored (restart required)'));
  }

  open(): void {
    this.user = this.config.auth.creds.me;
    this.ev.emit('connection.update', { connection: 'open' });
  }

  close(statusCode: number): void {
    this.end(closeError(statusCode));
  }

  upsert(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.ev.emit('messages.upsert', { messages, type });
  }
}

/** A factory that records every socket it makes (one per connect). */
export function makeFakeSocketFactory(): { factory: SocketFactory; sockets: FakeSocket[]; last(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    factory: (config) => {
      const socket = new FakeSocket(config);
      sockets.push(socket);
      return socket;
    },
    last() {
      const s = sockets.at(-1);
      if (!s) throw new Error('no socket was made');
      return s;
    },
  };
}

/** Timers the test advances by hand, on a clock it owns (no real waiting). */
export function makeManualTime(start = Date.parse('2026-11-23T09:00:00Z')) {
  let now = start;
  let seq = 0;
  const pending = new Map<number, { due: number; fn: () => void }>();
  return {
    clock: { now: () => new Date(now) },
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        const id = ++seq;
        pending.set(id, { due: now + ms, fn });
        return id;
      },
      clearTimeout: (handle: unknown) => {
        if (typeof handle === 'number') pending.delete(handle);
      },
    },
    /** Moves time forward, running every timer that falls due, in order. */
    advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const next = [...pending.entries()].filter(([, t]) => t.due <= target).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
        if (!next) break;
        pending.delete(next[0]);
        now = Math.max(now, next[1].due);
        next[1].fn();
      }
      now = target;
    },
    /** Delays of the timers now pending, from now. */
    pendingDelays: () => [...pending.values()].map((t) => t.due - now).sort((a, b) => a - b),
  };
}
