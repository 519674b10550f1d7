import { createStore } from 'zustand/vanilla';
import type { Notice, NoticePrefs } from '../../../../shared/desktop/desk-model';
import { noticeHref } from '../../../../shared/desktop/deep-link';

export interface NoticeToast {
  id: number;
  kind: Notice['kind'];
  title: string;
  body: string;
  /** Where a click leads (shared/desktop/deep-link.ts). */
  href: string;
}

export interface NoticeToastsState {
  toasts: NoticeToast[];
  push(notice: Notice): void;
  dismiss(id: number): void;
}

/** The in-app toasts: every notice the desk model raises, newest first, a few at a time. */
export function createNoticeToastsStore({ max = 2 }: { max?: number } = {}) {
  let next = 1;
  return createStore<NoticeToastsState>((set, get) => ({
    toasts: [],
    push(notice) {
      const toast = { id: next++, kind: notice.kind, title: notice.title, body: notice.body, href: noticeHref(notice.target) };
      set({ toasts: [toast, ...get().toasts].slice(0, max) });
    },
    dismiss(id) {
      set({ toasts: get().toasts.filter((t) => t.id !== id) });
    },
  }));
}
export type NoticeToastsStore = ReturnType<typeof createNoticeToastsStore>;

/**
 * Which notices the seller wants, and when not (quiet hours): the browser shell's copy of the desktop preference.
 * Settings sets it; the notice glue follows it. Until then every kind is on and nothing is quiet.
 */
export function createNoticePrefsStore() {
  return createStore<{ prefs: NoticePrefs; setPrefs(prefs: NoticePrefs): void }>((set) => ({
    prefs: { kinds: {}, quietHours: null },
    setPrefs(prefs) {
      set({ prefs });
    },
  }));
}
export type NoticePrefsStore = ReturnType<typeof createNoticePrefsStore>;
