import { createStore } from 'zustand/vanilla';
import type { PublicShopSettings, ShopSettingsPatch } from '../../../../shared/domain/settings';
import type { Client } from '../../api/client';
import { type PushedStore, followPushed } from '../../stores/pushed-store';

export interface ShopSettingsState {
  shopId: number | null;
  settings: PublicShopSettings | null;
  saving: boolean;
  /** Set after a successful save, cleared by the next edit or save. */
  saved: boolean;
  error: string | null;
  setShop(shopId: number | null): void;
  reload(): Promise<void>;
  save(patch: ShopSettingsPatch): Promise<boolean>;
  markDirty(): void;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * One shop's settings document as both settings pages see it. Every write goes through
 * `settings/update`; the answer (never containing the API key) replaces the local copy.
 */
export function createShopSettingsStore(config: { client: Client }) {
  const { client } = config;
  return createStore<ShopSettingsState>((set, get) => ({
    shopId: null,
    settings: null,
    saving: false,
    saved: false,
    error: null,
    setShop(shopId) {
      if (shopId === get().shopId) return;
      set({ shopId, settings: null, error: null, saved: false });
      void get().reload();
    },
    async reload() {
      const shopId = get().shopId;
      if (shopId === null) return;
      try {
        const settings = await client.send('settings/get', { shopId });
        if (get().shopId === shopId) set({ settings });
      } catch (err) {
        set({ error: message(err) });
      }
    },
    async save(patch) {
      const shopId = get().shopId;
      if (shopId === null) return false;
      set({ saving: true, error: null, saved: false });
      try {
        const settings = await client.send('settings/update', { shopId, patch });
        if (get().shopId === shopId) set({ settings, saved: true });
        return true;
      } catch (err) {
        set({ error: message(err) });
        return false;
      } finally {
        set({ saving: false });
      }
    },
    markDirty() {
      if (get().saved) set({ saved: false });
    },
  }));
}
export type ShopSettingsStore = ReturnType<typeof createShopSettingsStore>;

/** Another window or the CLI changed this shop's settings: read them again. */
export function wireShopSettingsEvents(pushed: PushedStore, store: ShopSettingsStore): () => void {
  return followPushed(pushed, 'settings/changed', ({ shopId }) => {
    const state = store.getState();
    if (shopId === state.shopId && !state.saving) void state.reload();
  });
}
