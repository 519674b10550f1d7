import { type BaileysEventMap, proto } from '@whiskeysockets/baileys';
import type { DeliveryStatus } from '../types';

// How a session reads what the socket pushes besides messages: liveness, receipts, contacts.

/** Baileys events that prove the socket is alive (anything the server pushed to us). */
export const ACTIVITY_EVENTS = [
  'messages.upsert',
  'messages.update',
  'message-receipt.update',
  'presence.update',
  'chats.upsert',
  'chats.update',
  'contacts.upsert',
  'contacts.update',
  'creds.update',
  'messaging-history.set',
  'groups.update',
  'call',
] as const satisfies readonly (keyof BaileysEventMap)[];

/** An outbound message's status update → our delivery status (null: nothing to record, e.g. PENDING). */
export function deliveryStatusOf(status: proto.WebMessageInfo.Status | null | undefined): DeliveryStatus | null {
  const S = proto.WebMessageInfo.Status;
  if (status === S.DELIVERY_ACK) return 'delivered';
  if (status === S.READ || status === S.PLAYED) return 'read';
  if (status === S.SERVER_ACK) return 'sent';
  if (status === S.ERROR) return 'failed';
  return null;
}

/**
 * WhatsApp contacts → the rows the channel keeps: phone-number JIDs only (a LID contact counts through the phone
 * number it carries, or not at all).
 */
export function contactRows(contacts: { id: string; phoneNumber?: string; name?: string; notify?: string }[]) {
  return contacts
    .map((c) => ({ jid: c.id.endsWith('@lid') ? (c.phoneNumber ?? '') : c.id, name: c.name ?? null, notify: c.notify ?? null }))
    .filter((c) => c.jid.endsWith('@s.whatsapp.net'));
}
