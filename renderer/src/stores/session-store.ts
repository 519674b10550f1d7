import { createStore } from 'zustand/vanilla';
import type { ConnectionState } from '../../../shared/contract/bridge';
import type { Shop } from '../../../shared/domain/schemas';
import type { StorageState } from '../../../shared/domain/storage';
import type { Client } from '../api/client';
import type { KeyValueStorage } from '../i18n/locale';

export const SHOP_STORAGE_KEY = 'souq.shop';

export interface SessionState {
  /** State of the link to core (the status bar shows it). */
  connection: ConnectionState;
  /** null until the first `shops/list` answers. */
  shops: Shop[] | null;
  shopId: number | null;
  loadError: string | null;
  loadShops(): Promise<void>;
  createShop(input: { name: string; currency: string }): Promise<Shop>;
  selectShop(shopId: number): void;
  /** Applies a pushed `shops/changed` (create or rename). */
  applyShop(shop: Shop): void;
  setConnection(state: ConnectionState): void;
  /** Whether core can store what arrives (disk full pauses it); null until first read. */
  storage: StorageState | null;
  loadStorage(): Promise<void>;
  applyStorage(state: StorageState): void;
}

/** Which shop is open and whether core is reachable. Writes go through the contract. */
export function createSessionStore(config: { client: Client; storage: KeyValueStorage | null }) {
  const remembered = Number(config.storage?.getItem(SHOP_STORAGE_KEY) ?? NaN);
  const remember = (shopId: number) => {
    try {
      config.storage?.setItem(SHOP_STORAGE_KEY, String(shopId));
    } catch {
      // Not remembering the shop is harmless.
    }
  };
  return createStore<SessionState>((set, get) => ({
    connection: 'disconnected',
    shops: null,
    shopId: null,
    loadError: null,
    async loadShops() {
      try {
        const shops = await config.client.send('shops/list', {});
        const current = get().shopId ?? remembered;
        const shopId = shops.some((s) => s.id === current) ? current : (shops[0]?.id ?? null);
        set({ shops, shopId, loadError: null });
      } catch (err) {
        set({ loadError: err instanceof Error ? err.message : String(err) });
      }
    },
    async createShop(input) {
      const shop = await config.client.send('shops/create', input);
      get().applyShop(shop);
      get().selectShop(shop.id);
      return shop;
    },
    selectShop(shopId) {
      remember(shopId);
      set({ shopId });
    },
    applyShop(shop) {
      const shops = get().shops ?? [];
      const next = shops.some((s) => s.id === shop.id) ? shops.map((s) => (s.id === shop.id ? shop : s)) : [...shops, shop];
      set({ shops: next, shopId: get().shopId ?? shop.id });
    },
    setConnection(connection) {
      set({ connection });
    },
    storage: null,
    async loadStorage() {
      try {
        set({ storage: await config.client.send('system/get-storage-status', {}) });
      } catch {
        // An older core without the call, or not reachable: the status bar shows the connection.
      }
    },
    applyStorage(storage) {
      set({ storage });
    },
  }));
}
export type SessionStore = ReturnType<typeof createSessionStore>;
