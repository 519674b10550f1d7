import type { EventMessage, EventName, EventPayload } from '../../shared/contract';

export type EventListener = (event: EventMessage) => void;

/** Whether a subscriber would forward an event of this name now (e.g. only while its peer is connected). */
export type EventInterest = (name: EventName) => boolean;

/**
 * Core's one event stream. Transports `subscribe` to everything and forward it; core modules
 * listen to one event with `on`. A failing listener never breaks emitters.
 */
export class EventBus {
  /** Each subscriber with what it forwards; no interest = everything. */
  private readonly listeners = new Map<EventListener, EventInterest | undefined>();
  private readonly named = new Map<EventName, Set<(payload: never) => void>>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const fn of this.named.get(name) ?? []) {
      try {
        (fn as (p: EventPayload<K>) => void)(payload);
      } catch {
        // see below
      }
    }
    if (this.listeners.size === 0) return;
    const message = { name, payload } as EventMessage;
    for (const listener of this.listeners.keys()) {
      try {
        listener(message);
      } catch {
        // A transport that failed to forward one event must not stop the others.
      }
    }
  }

  /**
   * Lets hot paths skip building payloads nobody will read. A subscriber that declared an
   * interest counts only while it wants the event: a sync service with no relay connection must
   * not make the pipeline read back every message it writes (5 row reads per customer message).
   */
  hasListeners(name: EventName): boolean {
    if ((this.named.get(name)?.size ?? 0) > 0) return true;
    for (const interest of this.listeners.values()) if (!interest || interest(name)) return true;
    return false;
  }

  /** Every event to `listener`; with `interest`, hot paths may skip the events it does not want now. */
  subscribe(listener: EventListener, interest?: EventInterest): () => void {
    this.listeners.set(listener, interest);
    return () => this.listeners.delete(listener);
  }

  on<K extends EventName>(name: K, fn: (payload: EventPayload<K>) => void): () => void {
    let set = this.named.get(name);
    if (!set) this.named.set(name, (set = new Set()));
    set.add(fn as (payload: never) => void);
    return () => set.delete(fn as (payload: never) => void);
  }
}
