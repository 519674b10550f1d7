import { createStore } from 'zustand/vanilla';
import type { PhoneMessage } from '../../../../shared/domain/inbox';
import type { Client } from '../../api/client';

export const DEFAULT_TEST_NUMBER = '+10000000001';

export interface TestPhoneState {
  shopId: number | null;
  open: boolean;
  from: string;
  thread: PhoneMessage[];
  sending: boolean;
  error: string | null;
  setShop(shopId: number | null): void;
  setOpen(open: boolean): void;
  setFrom(from: string): void;
  /** Re-reads the phone's screen (after events); coalesced, and only while the panel is open. */
  refresh(): void;
  send(text: string): Promise<boolean>;
}

/** The seller's test phone: types as a customer, shows what that customer's phone shows. */
export function createTestPhoneStore({ client, refreshDelayMs = 120 }: { client: Client; refreshDelayMs?: number }) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Loads can overlap; only the newest request may write, or an older screen could win.
  let latest = 0;
  return createStore<TestPhoneState>((set, get) => {
    async function load(): Promise<void> {
      const { shopId, from, open } = get();
      if (shopId === null || !open) return;
      const request = ++latest;
      try {
        const thread = await client.send('testphone/get-thread', { shopId, from });
        if (request === latest && get().shopId === shopId && get().from === from) set({ thread, error: null });
      } catch (err) {
        set({ error: err instanceof Error ? err.message : String(err) });
      }
    }
    return {
      shopId: null,
      open: false,
      from: DEFAULT_TEST_NUMBER,
      thread: [],
      sending: false,
      error: null,
      setShop(shopId) {
        if (shopId === get().shopId) return;
        set({ shopId, thread: [], error: null });
        void load();
      },
      setOpen(open) {
        set({ open });
        if (open) void load();
      },
      setFrom(from) {
        set({ from, thread: [] });
        if (/^\+?\d{6,15}$/.test(from)) get().refresh();
      },
      refresh() {
        if (timer || !get().open) return;
        timer = setTimeout(() => {
          timer = null;
          void load();
        }, refreshDelayMs);
      },
      async send(text) {
        const { shopId, from } = get();
        if (shopId === null) return false;
        set({ sending: true });
        try {
          await client.send('testphone/send', { shopId, from, text });
          set({ sending: false, error: null });
          await load();
          return true;
        } catch (err) {
          set({ sending: false, error: err instanceof Error ? err.message : String(err) });
          return false;
        }
      },
    };
  });
}
export type TestPhoneStore = ReturnType<typeof createTestPhoneStore>;
