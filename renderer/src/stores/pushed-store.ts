import { createStore } from 'zustand/vanilla';
import type { EventName, EventPayload } from '../../../shared/contract/events';

/**
 * The pushed events followed outside the app-wide stores: a page (or a page's own store) follows them here, and so
 * does the desk model's notice feed (app/notices/notice-glue.ts), never on the bridge. wire-events.ts is the only
 * module that subscribes to them on the client.
 */
export const PAGE_EVENTS = [
  // The desk model's (notices): also applied to the app-wide stores by wire-events.ts.
  'conversations/updated',
  'conversations/escalated',
  'messages/new',
  'messages/status',
  'orders/created',
  'system/notice',
  'system/storage',
  // The pages' own.
  'settings/changed',
  'accounts/status',
  'wa/qr',
  'wa/pairing-code',
  'catalog/changed',
  'catalog/import-progress',
  'learning/progress',
  'llm/health',
  'sync/changed',
  'desktop/prefs-changed',
  'desktop/backup-done',
  'desktop/update-state',
] as const satisfies readonly EventName[];
export type PageEvent = (typeof PAGE_EVENTS)[number];

export interface PushedState {
  /** The latest payload of each page event since the app started; every arrival replaces it (a new object). */
  latest: { [E in PageEvent]?: EventPayload<E> };
  put<E extends PageEvent>(name: E, payload: EventPayload<E>): void;
}

export function createPushedStore() {
  return createStore<PushedState>((set) => ({
    latest: {},
    put(name, payload) {
      set((s) => ({ latest: { ...s.latest, [name]: payload } }));
    },
  }));
}
export type PushedStore = ReturnType<typeof createPushedStore>;

/**
 * Calls `listener` with every arrival of `name` from now on (not the one already held). zustand calls its listeners
 * synchronously on each `put`, so two events back to back are both seen. Returns the unsubscribe function.
 */
export function followPushed<E extends PageEvent>(store: PushedStore, name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return store.subscribe((state, previous) => {
    const payload = state.latest[name];
    if (payload !== undefined && payload !== previous.latest[name]) listener(payload as EventPayload<E>);
  });
}
