import { createStore } from 'zustand/vanilla';
import type { EventPayload } from '../../../../shared/contract/events';
import type { AnswerPolicy, LinkMethod, WaAccountView, WaContact } from '../../../../shared/domain/whatsapp';
import { CallError, type Client } from '../../api/client';

export interface LinkingState {
  accountId: number;
  method: LinkMethod;
  qr: { dataUrl: string; expiresAt: string } | null;
  pairing: { code: string; expiresAt: string } | null;
}

export interface ConnectState {
  shopId: number | null;
  accounts: WaAccountView[] | null;
  policies: Record<number, AnswerPolicy>;
  linking: LinkingState | null;
  busy: boolean;
  error: string | null;
  setShop(shopId: number | null): void;
  refresh(): Promise<void>;
  /** Links a number; with `accountId`, retries that card in place. */
  linkStart(method: LinkMethod, phone: string | null, accountId?: number): Promise<void>;
  /** Retries a card that failed to link with the method (and phone) last used. */
  retryLink(accountId: number): Promise<void>;
  lastAttempt: { method: LinkMethod; phone: string | null } | null;
  linkCancel(): Promise<void>;
  connect(accountId: number): Promise<void>;
  disconnect(accountId: number): Promise<void>;
  remove(accountId: number): Promise<void>;
  loadPolicy(accountId: number): Promise<void>;
  savePolicy(
    accountId: number,
    patch: Partial<Pick<AnswerPolicy, 'mode' | 'catchUpMaxHours' | 'historySync'>>,
    excluded: string[] | null,
  ): Promise<void>;
  /** Contacts synced from the phone matching `query` (to fill the excluded list). */
  searchContacts(accountId: number, query: string): Promise<WaContact[]>;
  applyStatus(event: EventPayload<'accounts/status'>): void;
  applyQr(event: EventPayload<'wa/qr'>): void;
  applyPairingCode(event: EventPayload<'wa/pairing-code'>): void;
}

/** A contract error is shown by its code (worded in the seller's language); anything else as is. */
const message = (err: unknown) => (err instanceof CallError ? `error.${err.code}` : err instanceof Error ? err.message : String(err));

/** The Connect page's view state; every write goes through the contract. */
export function createConnectStore(config: { client: Client }) {
  const { client } = config;
  return createStore<ConnectState>((set, get) => {
    /** Runs a call, shows its error in plain words, and re-reads the list after. */
    async function run(work: () => Promise<unknown>): Promise<void> {
      set({ busy: true, error: null });
      try {
        await work();
      } catch (err) {
        set({ error: message(err) });
      } finally {
        set({ busy: false });
        await get().refresh();
      }
    }
    const shop = () => {
      const shopId = get().shopId;
      if (shopId === null) throw new Error('No shop is open');
      return shopId;
    };
    return {
      shopId: null,
      accounts: null,
      policies: {},
      linking: null,
      lastAttempt: null,
      busy: false,
      error: null,
      setShop(shopId) {
        if (shopId === get().shopId) return;
        set({ shopId, accounts: null, policies: {}, linking: null, error: null });
        void get().refresh();
      },
      async refresh() {
        const shopId = get().shopId;
        if (shopId === null) return;
        try {
          const accounts = await client.send('wa/get-overview', { shopId });
          if (get().shopId !== shopId) return;
          // An attempt that failed before its link-start answered (no network: at once) pushed its
          // status before `linking` was set; the list tells us it is over.
          const linking = get().linking;
          const attempt = linking && accounts.find((a) => a.accountId === linking.accountId);
          const over = attempt && attempt.status !== 'connecting' && attempt.status !== 'qr_ready';
          set(over ? { accounts, linking: null } : { accounts });
        } catch (err) {
          set({ error: message(err) });
        }
      },
      linkStart: (method, phone, retryId) =>
        run(async () => {
          set({ lastAttempt: { method, phone } });
          const { accountId } = await client.send('wa/start-link', {
            shopId: shop(),
            method,
            ...(phone ? { phone } : {}),
            ...(retryId !== undefined ? { accountId: retryId } : {}),
          });
          set({ linking: { accountId, method, qr: null, pairing: null } });
        }),
      retryLink(accountId) {
        const last = get().lastAttempt;
        return get().linkStart(last?.method ?? 'qr', last?.method === 'pairing-code' ? last.phone : null, accountId);
      },
      linkCancel: () =>
        run(async () => {
          const linking = get().linking;
          set({ linking: null });
          if (linking) await client.send('wa/cancel-link', { shopId: shop(), accountId: linking.accountId });
        }),
      connect: (accountId) => run(() => client.send('wa/connect', { shopId: shop(), accountId })),
      disconnect: (accountId) => run(() => client.send('wa/disconnect', { shopId: shop(), accountId })),
      remove: (accountId) => run(() => client.send('wa/remove', { shopId: shop(), accountId })),
      async loadPolicy(accountId) {
        try {
          const policy = await client.send('wa/get-answer-policy', { shopId: shop(), accountId });
          set({ policies: { ...get().policies, [accountId]: policy } });
        } catch (err) {
          set({ error: message(err) });
        }
      },
      savePolicy: (accountId, patch, excluded) =>
        run(async () => {
          let policy = await client.send('wa/set-answer-policy', { shopId: shop(), accountId, ...patch });
          if (excluded) {
            policy = await client.send('wa/set-excluded', { shopId: shop(), accountId, contacts: excluded.map((jid) => ({ jid })) });
          }
          set({ policies: { ...get().policies, [accountId]: policy } });
        }),
      async searchContacts(accountId, query) {
        try {
          return await client.send('wa/list-contacts', { shopId: shop(), accountId, query });
        } catch (err) {
          set({ error: message(err) });
          return [];
        }
      },
      applyStatus(event) {
        if (event.shopId !== get().shopId) return;
        const linking = get().linking;
        // Linking ends when the number connects or the attempt stops.
        if (linking && linking.accountId === event.accountId && event.status !== 'connecting' && event.status !== 'qr_ready')
          set({ linking: null });
        const accounts = get().accounts;
        if (accounts?.some((a) => a.accountId === event.accountId)) {
          set({
            accounts: accounts.map((a) => (a.accountId === event.accountId ? { ...a, status: event.status, detail: event.detail } : a)),
          });
        }
        // Times, phone and counts come from the server.
        void get().refresh();
      },
      applyQr(event) {
        const linking = get().linking;
        if (event.shopId !== get().shopId || !linking || linking.accountId !== event.accountId) return;
        set({ linking: { ...linking, qr: { dataUrl: event.dataUrl, expiresAt: event.expiresAt } } });
      },
      applyPairingCode(event) {
        const linking = get().linking;
        if (event.shopId !== get().shopId || !linking || linking.accountId !== event.accountId) return;
        set({ linking: { ...linking, pairing: { code: event.code, expiresAt: event.expiresAt } } });
      },
    };
  });
}
export type ConnectStore = ReturnType<typeof createConnectStore>;

/** Routes the pushed WhatsApp events to the store; returns the unsubscribe function. */
export function wireConnectEvents(client: Client, store: ConnectStore): () => void {
  const offs = [
    client.subscribe('accounts/status', (e) => store.getState().applyStatus(e)),
    client.subscribe('wa/qr', (e) => store.getState().applyQr(e)),
    client.subscribe('wa/pairing-code', (e) => store.getState().applyPairingCode(e)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
