import { useStore } from 'zustand';
import { useServices } from '../app/services-context';
import type { Locale } from './define';

// The hooks live apart from locale.ts (the store), so app/services.ts can build the store without importing the
// services context back (the services-context → services → locale cycle).

export function useLocale(): Locale {
  return useStore(useServices().locale, (s) => s.locale);
}

export function useSetLocale(): (locale: Locale) => void {
  return useStore(useServices().locale, (s) => s.setLocale);
}
