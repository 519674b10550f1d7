import { z } from 'zod';
import { AccountStatus, Conversation, Id, Message, Shop } from '../domain/schemas';
import { EscalationNotice, NotifierNotice, WhatsAppNotice } from '../domain/notices';
import { StorageState } from '../domain/storage';
import { catalogEvents } from './catalog';
import { desktopEvents } from './desktop';
import { event } from './define';
import { learningEvents } from './learning';
import { ordersEvents } from './orders';
import { salesBrainEvents } from './sales-brain';
import { syncEvents } from './sync';
import { whatsappEvents } from './whatsapp';

/** Every event core pushes to the UI. Payloads are validated by the sender in tests. */
export const events = {
  /** A shop was created or renamed. */
  'shops/changed': event('A shop was created, renamed or given a country.', Shop),
  /** Settings of a shop changed. */
  'settings/changed': event('Settings of a shop changed.', z.object({ shopId: Id })),
  /** A linked number changed status. */
  'accounts/status': event(
    'A linked number changed status.',
    z.object({ shopId: Id, accountId: Id, status: AccountStatus, detail: WhatsAppNotice.nullable() }),
  ),
  /** A message was stored (inbound or outbound). */
  'messages/new': event('A message was stored (inbound or outbound).', Message),
  /** An outbound message changed delivery status. */
  'messages/status': event('An outbound message changed delivery status.', Message),
  /** A conversation changed (status, takeover, unread, preview). */
  'conversations/updated': event('A conversation changed (status, takeover, unread, preview).', Conversation),
  /** A conversation needs the seller. */
  'conversations/escalated': event(
    'A conversation needs the seller.',
    z.object({ shopId: Id, conversationId: Id, reason: z.string(), notices: z.array(EscalationNotice) }),
  ),
  /** Storage paused (disk full) or back to normal. */
  'system/storage': event('Whether core can store what arrives: paused while the disk is full, ok again once it has space.', StorageState),
  /** Core's notifier spoke (a code): the desk model shows those no other event tells. */
  'system/notice': event("What core's notifier said, as a code with parameters; the shells word it.", NotifierNotice),
  ...catalogEvents,
  ...ordersEvents,
  ...whatsappEvents,
  ...learningEvents,
  ...salesBrainEvents,
  ...desktopEvents,
  ...syncEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]['payload']>;
/** What a transport carries for an event. */
export interface EventMessage<K extends EventName = EventName> {
  name: K;
  payload: EventPayload<K>;
}
