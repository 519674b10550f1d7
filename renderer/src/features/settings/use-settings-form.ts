import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { PublicShopSettings } from '../../../../shared/domain/settings';
import { useShopSettings } from './use-shop-settings';

/**
 * A settings page's form state: the open shop's settings, a local form derived from them (reset
 * when they change, e.g. pushed from another window), its validation, and the save status.
 */
export function useSettingsForm<F, E extends object>(fromSettings: (s: PublicShopSettings) => F, validate: (form: F) => E) {
  const store = useShopSettings();
  const settings = useStore(store, (s) => s.settings);
  const shopId = useStore(store, (s) => s.shopId);
  const saving = useStore(store, (s) => s.saving);
  const saved = useStore(store, (s) => s.saved);
  const error = useStore(store, (s) => s.error);
  const [form, setForm] = useState<F | null>(null);
  const [showErrors, setShowErrors] = useState(false);

  useEffect(() => {
    if (settings) setForm(fromSettings(settings));
    // Only a new settings document resets the form (fromSettings is a module-level function).
  }, [settings]);
  const errors = useMemo(() => (form ? validate(form) : ({} as E)), [form, validate]);
  return { store, settings, shopId, saving, saved, error, form, setForm, showErrors, setShowErrors, errors };
}
