import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { createShopSettingsStore, type ShopSettingsStore, wireShopSettingsEvents } from './settings-store';

/** The open shop's settings store for one page: created once, following the shop switcher and pushed changes. */
export function useShopSettings(): ShopSettingsStore {
  const { client, session, pushed } = useServices();
  const store = useMemo(() => createShopSettingsStore({ client }), [client]);
  const shopId = useStore(session, (s) => s.shopId);
  useEffect(() => wireShopSettingsEvents(pushed, store), [pushed, store]);
  useEffect(() => store.getState().setShop(shopId), [store, shopId]);
  return store;
}
