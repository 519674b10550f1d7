import type { EventMessage, EventName, EventPayload } from '../../shared/contract';

export type EventListener = (event: EventMessage) => void;

/**
 * Core's one event stream. Transports `subscribe` to everything and forward it; core modules
 * listen to one event with `on`. A failing listener never breaks emitters.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
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
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A transport that failed to forward one event must not stop the others.
      }
    }
  }

  /** Lets hot paths skip building payloads nobody will read. */
  hasListeners(name: EventName): boolean {
    return this.listeners.size > 0 || (this.named.get(name)?.size ?? 0) > 0;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<K extends EventName>(name: K, fn: (payload: EventPayload<K>) => void): () => void {
    let set = this.named.get(name);
    if (!set) this.named.set(name, (set = new Set()));
    set.add(fn as (payload: never) => void);
    return () => set.delete(fn as (payload: never) => void);
  }
}
