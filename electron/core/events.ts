import type { EventMessage, EventName, EventPayload } from '../../shared/contract';

export type EventListener = (event: EventMessage) => void;

/** Core's one event stream; transports subscribe and forward. A failing listener never breaks emitters. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
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
  hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
