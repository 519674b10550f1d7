import type { CallName, EventName } from '../contract/index';

/**
 * The only contract calls a paired device may make. Everything else (settings, the LLM key,
 * WhatsApp linking, backups, catalog edits, deleting customers…) stays on the computer: core
 * answers a device that asks with `unauthorized`. Reads are the lists and threads the phone
 * layout shows; writes are what a seller does away from the shop: reply, take over / give back,
 * handle drafts, move an order along. Shared so the device app knows which calls to queue.
 */
export const DEVICE_WRITES: ReadonlySet<CallName> = new Set<CallName>([
  'conversations/reply',
  'conversations/set-takeover',
  'conversations/mark-read',
  'drafts/approve',
  'drafts/reject',
  'orders/set-status',
]);

export const DEVICE_READS: ReadonlySet<CallName> = new Set<CallName>([
  'shops/list',
  'conversations/list',
  'conversations/list-messages',
  'orders/list',
  'orders/get',
  'quick-replies/list',
  'system/ping',
  'system/get-ui-locale',
  'system/get-setup',
  'system/get-storage-status',
]);

export const DEVICE_CALLS: ReadonlySet<CallName> = new Set<CallName>([...DEVICE_WRITES, ...DEVICE_READS]);

/**
 * The events a paired device receives: the inbox, its statuses, escalations and orders. Never
 * settings, linked-number details, learning or desktop events.
 */
export const DEVICE_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'shops/changed',
  'messages/new',
  'messages/status',
  'conversations/updated',
  'conversations/escalated',
  'orders/created',
  'orders/updated',
  'system/storage',
]);

export const isDeviceCall = (name: string): name is CallName => (DEVICE_CALLS as ReadonlySet<string>).has(name);
export const isDeviceWrite = (name: string): boolean => (DEVICE_WRITES as ReadonlySet<string>).has(name);
export const isDeviceEvent = (name: string): boolean => (DEVICE_EVENTS as ReadonlySet<string>).has(name);
