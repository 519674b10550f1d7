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

/** What became of an offered delivery. */
export type OfferOutcome = 'acked' | 'absent' | 'timeout';

/** Called by the session holding the socket when the device acks an offered delivery. */
export type AckReply = () => void;

export interface Bus {
  publish(device: string, event: BusEvent): void;
  /**
   * Hand a delivery to whoever holds the device's socket and wait for the device's ack: `absent` at once when nobody
   * holds it, `timeout` when no ack came in time. (offer-first delivery, see session.ts)
   */
  offer(device: string, item: MailItem, timeoutMs: number): Promise<OfferOutcome>;
  /** Listen for one device; `reply` is set for an offered delivery. Returns the unsubscribe. */
  subscribe(device: string, handler: (event: BusEvent, reply?: AckReply) => void): () => void;
  close(): Promise<void>;
}

export function makeLocalBus(): Bus {
  const handlers = new Map<string, Set<(event: BusEvent, reply?: AckReply) => void>>();
  return {
    publish(device, event) {
      // Asynchronous like NATS, so one code path behaves the same with one instance or several.
      const set = handlers.get(device);
      if (set) queueMicrotask(() => set.forEach((h) => h(event)));
    },
    offer(device, item, timeoutMs) {
      const set = handlers.get(device);
      if (!set?.size) return Promise.resolve('absent');
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), timeoutMs);
        const reply = (): void => {
          clearTimeout(timer);
          resolve('acked');
        };
        queueMicrotask(() => set.forEach((h) => h({ kind: 'deliver', item }, reply)));
      });
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
