// What the relay keeps: which device id is in which group (and which one is the group's desktop), and each device's
// mailbox of sealed bodies. Nothing else: no names, no numbers, no plaintext (it never has any).
// Two implementations: sqlite-store.ts (one instance) and jetstream-store.ts (several instances through NATS).

export type MemberRole = 'desktop' | 'device';

export interface Membership {
  group: string;
  role: MemberRole;
}

export interface GroupMember {
  device: string;
  role: MemberRole;
}

/** One sealed body waiting for its recipient. `id` is what the recipient acks. */
export interface MailItem {
  id: string;
  from: string;
  body: string;
  /** ms since the epoch the relay took it */
  at: number;
}

export interface Presence {
  online: boolean;
  lastSeen: number;
}

export interface MailboxCaps {
  maxCount: number;
  maxBytes: number;
  maxAgeMs: number;
}

export const DEFAULT_CAPS: MailboxCaps = { maxCount: 1000, maxBytes: 8 * 1024 * 1024, maxAgeMs: 7 * 86_400_000 };

export interface RelayStore {
  membership(device: string): Promise<Membership | null>;
  /** A new group with `desktop` as its desktop (the caller checked it is in no group). */
  createGroup(desktop: string): Promise<Membership>;
  addDevice(group: string, device: string): Promise<void>;
  /** False if the device was not in that group. Drops its mailbox too. */
  removeDevice(group: string, device: string): Promise<boolean>;
  members(group: string): Promise<GroupMember[]>;
  /** Store a body for `to`, dropping its oldest entries past the caps; returns the new id. */
  put(to: string, item: Omit<MailItem, 'id'>): Promise<string>;
  /** Oldest first, at most `max`, skipping ids in `skip`. */
  list(to: string, max: number, skip?: ReadonlySet<string>): Promise<MailItem[]>;
  count(to: string): Promise<number>;
  ack(to: string, ids: readonly string[]): Promise<void>;
  /** Presence is kept in memory (or a short-lived NATS KV), never in the mailbox file. */
  setPresence(device: string, online: boolean, at: number): Promise<void>;
  presence(devices: readonly string[]): Promise<Map<string, Presence>>;
  close(): Promise<void>;
}
