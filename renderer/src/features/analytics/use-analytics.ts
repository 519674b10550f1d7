import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { type AnalyticsStore, createAnalyticsStore } from './analytics-store';

/** The page's store: created once, following the shop switcher. */
export function useAnalyticsStore(): AnalyticsStore {
  const { client, session } = useServices();
  const store = useMemo(() => createAnalyticsStore({ client }), [client]);
  const shopId = useStore(session, (s) => s.shopId);
  useEffect(() => void store.getState().setShop(shopId), [store, shopId]);
  return store;
}

/** Hands a CSV (already carrying its BOM) to the browser as a download; works in Electron and a tab. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
