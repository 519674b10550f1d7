import type { BaileysEventMap, WAMessage } from '@whiskeysockets/baileys';
import { type InboundDeps, resolveSender } from './inbound';
import { saveMedia } from './media';
import type { SessionDeps } from './session-config';
import { ACTIVITY_EVENTS, type contactRows } from './session-updates';
import type { WaSocket } from './socket-types';

type Contacts = Parameters<typeof contactRows>[0];

/** What a session does with one socket's events (session.ts). */
export interface SocketHandlers {
  /** Creds changed: persist them. */
  creds(): void;
  /** The server pushed something: the socket is alive. */
  activity(): void;
  /** Connection open, closed, or a QR to show. */
  connection(update: BaileysEventMap['connection.update']): void;
  /** New messages, ours and the customers'. */
  upsert(messages: WAMessage[], type: 'notify' | 'append'): void;
  /** The history WhatsApp sends on linking. */
  history(history: BaileysEventMap['messaging-history.set']): void;
  /** Receipts of our messages. */
  updates(updates: BaileysEventMap['messages.update']): void;
  /** Names from the phone's address book. */
  contacts(contacts: Contacts): void;
}

/**
 * Subscribes a session's handlers to one socket's events; `live` says whether this socket is still the session's
 * (a reconnect makes a new one, and the old one's late events must change nothing).
 */
export function wireSocket(socket: WaSocket, live: () => boolean, on: SocketHandlers): void {
  const ev = socket.ev;
  ev.on('creds.update', () => {
    if (live()) on.creds();
  });
  for (const name of ACTIVITY_EVENTS) {
    ev.on(name, () => {
      if (live()) on.activity();
    });
  }
  ev.on('connection.update', (update) => {
    if (live()) on.connection(update);
  });
  ev.on('messages.upsert', (batch) => {
    if (live()) on.upsert(batch.messages, batch.type);
  });
  ev.on('messaging-history.set', (history) => {
    if (live()) on.history(history);
  });
  ev.on('messages.update', (updates) => {
    if (live()) on.updates(updates);
  });
  ev.on('contacts.upsert', (contacts) => {
    if (live()) on.contacts(contacts);
  });
  ev.on('contacts.update', (contacts) => {
    if (live()) on.contacts(contacts.filter((c): c is typeof c & { id: string } => typeof c.id === 'string'));
  });
}

/** What inbound handling of one socket's messages needs: the session's sink and tables, and this socket's media. */
export function socketInboundDeps(
  deps: SessionDeps,
  socket: WaSocket,
  session: Pick<InboundDeps, 'onDecryptFailure' | 'sellerActivity'>,
): InboundDeps {
  const { accountId, logger } = deps;
  return {
    accountId,
    sink: deps.sink,
    repo: deps.repo,
    logger,
    now: () => deps.clock.now(),
    resolveJid: (jid, alt) => resolveSender(jid, alt, (lid) => socket.signalRepository.lidMapping.getPNForLID(lid)),
    saveMedia: (msg, ref) =>
      saveMedia({
        msg,
        ref,
        sock: socket,
        fetch: deps.mediaFetcher,
        mediaDir: deps.mediaDir,
        accountId,
        maxBytes: deps.options.mediaMaxBytes,
        logger,
      }),
    ...session,
  };
}
