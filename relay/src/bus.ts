// How one relay instance reaches a device connected to any instance: every connected device listens on its own
// address; whoever holds its socket acts on what arrives. In one process that is a Map of handlers; across instances
// it is a NATS subject per device (nats-bus.ts).
import type { MailItem, GroupMember } from './store';
import type { RelayFrame } from '../../shared/relay/index';

/** What can be addressed to a device. */
export type BusEvent =
  /** a stored mail item, to deliver live */
  | { kind: 'deliver'; item: MailItem }
  /** a frame to pass on as is (pair-request, paired, pair-refused, presence) */
  | { kind: 'frame'; frame: RelayFrame }
  /** the device's group changed: reload members; `removed` devices are dropped (and closed if it is one of them) */
  | { kind: 'members'; group: string; members: GroupMember[]; removed: string[] };

export interface Bus {
  publish(device: string, event: BusEvent): void;
  /** Listen for one device; returns the unsubscribe. */
  subscribe(device: string, handler: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
}

export function makeLocalBus(): Bus {
  const handlers = new Map<string, Set<(event: BusEvent) => void>>();
  return {
    publish(device, event) {
      // Asynchronous like NATS, so one code path behaves the same with one instance or several.
      const set = handlers.get(device);
      if (set) queueMicrotask(() => set.forEach((h) => h(event)));
    },
    subscribe(device, handler) {
      let set = handlers.get(device);
      if (!set) handlers.set(device, (set = new Set()));
      set.add(handler);
      return () => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(device);
      };
    },
    close: async () => handlers.clear(),
  };
}
