import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  normalizeMessageContent,
  proto,
  type WAMessage,
} from '@whiskeysockets/baileys';
import type { MessageKind } from '../../../../shared/domain/schemas';

/** The media part of a message, to download if it is small enough. */
export interface MediaRef {
  kind: Extract<MessageKind, 'image' | 'audio' | 'video' | 'document' | 'sticker'>;
  mimetype: string | null;
  fileLength: number | null;
  fileName: string | null;
}

interface Base {
  id: string;
  /** The chat: the customer's JID (phone or LID) or a group JID. */
  chatJid: string;
  /** Who wrote it: the chat JID in a 1:1 chat, the participant in a group. */
  senderJid: string;
  /** The phone-number JID Baileys saw beside a LID (key.remoteJidAlt / participantAlt), if any. */
  senderAltJid: string | null;
  isGroup: boolean;
  fromMe: boolean;
  /** Unix seconds as sent. */
  timestamp: number;
  pushName: string | null;
}

/** What one WhatsApp message means to Souqbot. Built without I/O from Baileys' proto. */
export type WaInbound =
  | { type: 'ignore'; reason: string }
  | (Base & { type: 'message'; kind: MessageKind; text: string; quotedId: string | null; media: MediaRef | null })
  | (Base & { type: 'reaction'; targetId: string; emoji: string })
  | (Base & { type: 'edit'; targetId: string; text: string })
  | (Base & { type: 'revoke'; targetId: string })
  | (Base & { type: 'undecryptable'; reason: string });

const toSeconds = (value: WAMessage['messageTimestamp']): number => {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value.toString());
};

const num = (value: number | { toString(): string } | null | undefined): number | null =>
  value === null || value === undefined ? null : Number(value.toString());

const str = (value: string | null | undefined): string => (typeof value === 'string' ? value : '');

/** First line of each vCard's FN and TEL, readable in the inbox. */
function describeVcard(displayName: string | null | undefined, vcard: string | null | undefined): string {
  const phones = [...str(vcard).matchAll(/TEL[^:]*:([+\d\s()-]{5,})/g)].map((m) => (m[1] ?? '').trim());
  return [str(displayName), ...phones].filter(Boolean).join(' ');
}

function describeLocation(loc: proto.Message.ILocationMessage | proto.Message.ILiveLocationMessage): string {
  const name = 'name' in loc ? str(loc.name) : '';
  const address = 'address' in loc ? str(loc.address) : '';
  const at = loc.degreesLatitude != null && loc.degreesLongitude != null ? `${loc.degreesLatitude},${loc.degreesLongitude}` : '';
  return [name, address, at ? `(${at})` : ''].filter(Boolean).join(' ');
}

interface Content {
  kind: MessageKind;
  text: string;
  quotedId: string | null;
  media: MediaRef | null;
}

const media = (
  kind: MediaRef['kind'],
  m: { mimetype?: string | null; fileLength?: number | { toString(): string } | null },
  fileName: string | null = null,
): MediaRef => ({
  kind,
  mimetype: m.mimetype ?? null,
  fileLength: num(m.fileLength),
  fileName,
});

/** The user-visible content of a (normalised) message, or null if it is not one we show. */
function readContent(m: proto.IMessage): Content | null {
  const quoted = (ctx: proto.IContextInfo | null | undefined) => ctx?.stanzaId ?? null;
  if (m.conversation) return { kind: 'text', text: m.conversation, quotedId: null, media: null };
  if (m.extendedTextMessage)
    return { kind: 'text', text: str(m.extendedTextMessage.text), quotedId: quoted(m.extendedTextMessage.contextInfo), media: null };
  if (m.imageMessage)
    return {
      kind: 'image',
      text: str(m.imageMessage.caption),
      quotedId: quoted(m.imageMessage.contextInfo),
      media: media('image', m.imageMessage),
    };
  if (m.audioMessage)
    return { kind: 'audio', text: '', quotedId: quoted(m.audioMessage.contextInfo), media: media('audio', m.audioMessage) };
  if (m.videoMessage)
    return {
      kind: 'video',
      text: str(m.videoMessage.caption),
      quotedId: quoted(m.videoMessage.contextInfo),
      media: media('video', m.videoMessage),
    };
  if (m.ptvMessage) return { kind: 'video', text: '', quotedId: quoted(m.ptvMessage.contextInfo), media: media('video', m.ptvMessage) };
  if (m.documentMessage) {
    const d = m.documentMessage;
    return {
      kind: 'document',
      text: str(d.caption) || str(d.fileName),
      quotedId: quoted(d.contextInfo),
      media: media('document', d, d.fileName ?? null),
    };
  }
  if (m.stickerMessage)
    return { kind: 'sticker', text: '', quotedId: quoted(m.stickerMessage.contextInfo), media: media('sticker', m.stickerMessage) };
  if (m.locationMessage)
    return { kind: 'location', text: describeLocation(m.locationMessage), quotedId: quoted(m.locationMessage.contextInfo), media: null };
  if (m.liveLocationMessage) return { kind: 'location', text: describeLocation(m.liveLocationMessage), quotedId: null, media: null };
  if (m.contactMessage)
    return { kind: 'contact', text: describeVcard(m.contactMessage.displayName, m.contactMessage.vcard), quotedId: null, media: null };
  if (m.contactsArrayMessage) {
    const text = (m.contactsArrayMessage.contacts ?? []).map((c) => describeVcard(c.displayName, c.vcard)).join('; ');
    return { kind: 'contact', text, quotedId: null, media: null };
  }
  if (m.buttonsResponseMessage)
    return { kind: 'text', text: str(m.buttonsResponseMessage.selectedDisplayText), quotedId: null, media: null };
  if (m.listResponseMessage) return { kind: 'text', text: str(m.listResponseMessage.title), quotedId: null, media: null };
  if (m.templateButtonReplyMessage)
    return { kind: 'text', text: str(m.templateButtonReplyMessage.selectedDisplayText), quotedId: null, media: null };
  if (m.pollCreationMessage || m.pollCreationMessageV3) {
    const poll = m.pollCreationMessage ?? m.pollCreationMessageV3;
    return { kind: 'other', text: str(poll?.name), quotedId: null, media: null };
  }
  return null;
}

const CIPHERTEXT = proto.WebMessageInfo.StubType.CIPHERTEXT;

/**
 * Classifies one message from `messages.upsert`. Status broadcasts, newsletters and broadcast
 * lists are ignored here; groups are returned (the caller applies the seller's opt-in).
 */
export function normalizeWaMessage(msg: WAMessage): WaInbound {
  const key = msg.key;
  const chatJid = key.remoteJid ?? '';
  const id = key.id ?? '';
  if (!chatJid || !id) return { type: 'ignore', reason: 'no key' };
  if (isJidStatusBroadcast(chatJid)) return { type: 'ignore', reason: 'status broadcast' };
  if (isJidNewsletter(chatJid) || isJidBroadcast(chatJid)) return { type: 'ignore', reason: 'newsletter or broadcast list' };
  const isGroup = Boolean(isJidGroup(chatJid));
  const senderJid = isGroup ? (key.participant ?? msg.participant ?? '') : chatJid;
  const base: Base = {
    id,
    chatJid,
    senderJid,
    senderAltJid: (isGroup ? key.participantAlt : key.remoteJidAlt) ?? null,
    isGroup,
    fromMe: Boolean(key.fromMe),
    timestamp: toSeconds(msg.messageTimestamp),
    pushName: msg.pushName ?? null,
  };
  if (msg.messageStubType === CIPHERTEXT) {
    return { ...base, type: 'undecryptable', reason: String(msg.messageStubParameters?.[0] ?? 'decryption failed') };
  }
  const content = normalizeMessageContent(msg.message);
  if (!content) return { type: 'ignore', reason: msg.messageStubType ? 'stub' : 'empty' };

  if (content.protocolMessage) {
    const p = content.protocolMessage;
    const targetId = p.key?.id ?? '';
    if (p.type === proto.Message.ProtocolMessage.Type.REVOKE && targetId) return { ...base, type: 'revoke', targetId };
    if (p.type === proto.Message.ProtocolMessage.Type.MESSAGE_EDIT && targetId && p.editedMessage) {
      const edited = readContent(normalizeMessageContent(p.editedMessage) ?? {});
      return { ...base, type: 'edit', targetId, text: edited?.text ?? '' };
    }
    return { type: 'ignore', reason: `protocol ${p.type ?? '?'}` };
  }
  if (content.reactionMessage) {
    const r = content.reactionMessage;
    return { ...base, type: 'reaction', targetId: r.key?.id ?? '', emoji: str(r.text) };
  }
  const read = readContent(content);
  if (!read) return { type: 'ignore', reason: 'unsupported content' };
  return { ...base, type: 'message', ...read };
}
