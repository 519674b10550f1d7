import type { AnyMessageContent } from '@whiskeysockets/baileys';
import { type Channel, ChannelSendError, type OutboundMessage } from '../types';
import type { Session } from './session';

/** '+213 550-00 00 01' → '213550000001' (what requestPairingCode and JIDs want). */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

/** A phone or JID typed by the seller → the JID WhatsApp uses for that person. */
export function toUserJid(input: string): string {
  const trimmed = input.trim();
  if (trimmed.includes('@')) return trimmed;
  return `${phoneDigits(trimmed)}@s.whatsapp.net`;
}

/**
 * The pipeline's WhatsApp Channel: each call goes through the account's connected session (a number that is not
 * connected refuses with a retryable ChannelSendError, so the outbox tries again once it is).
 */
export function makeWhatsAppChannel(
  sessions: ReadonlyMap<number, Session>,
  toChannelSendError: (err: unknown) => ChannelSendError,
): Channel {
  function connected(accountId: number) {
    const session = sessions.get(accountId);
    const sock = session?.socket;
    if (!session || !sock) throw new ChannelSendError('This WhatsApp number is not connected right now', true);
    return { session, sock };
  }
  return {
    kind: 'whatsapp',
    async send(message: OutboundMessage): Promise<void> {
      const { session, sock } = connected(message.accountId);
      const content: AnyMessageContent = message.media
        ? { image: { url: message.media.url }, caption: message.media.caption || message.text }
        : { text: message.text };
      try {
        const sent = await sock.sendMessage(toUserJid(message.to), content, { messageId: message.channelMessageId });
        session.rememberSent(sent);
      } catch (err) {
        throw toChannelSendError(err);
      }
    },
    /** The dispatcher waits `ms` itself; the message that follows ends "typing…" on the phone. */
    async typing(accountId: number, to: string): Promise<void> {
      const { sock } = connected(accountId);
      await sock.sendPresenceUpdate('composing', toUserJid(to));
    },
    async markRead(accountId: number, from: string, channelMessageIds: string[]): Promise<void> {
      const { sock } = connected(accountId);
      const remoteJid = toUserJid(from);
      await sock.readMessages(channelMessageIds.map((id) => ({ remoteJid, id, fromMe: false })));
    },
  };
}
