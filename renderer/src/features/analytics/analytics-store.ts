import { createStore } from 'zustand/vanilla';
import type { AnalyticsOverview, ExportKind } from '../../../../shared/domain/analytics';
import type { Client } from '../../api/client';
import { type Preset, customPeriod, presetPeriod, shopToday } from './analytics-model';

export interface AnalyticsState {
  shopId: number | null;
  timeZone: string | undefined;
  preset: Preset;
  /** The custom period as typed (applied with `applyCustom`). */
  customFrom: string;
  customTo: string;
  compare: boolean;
  typingSeconds: number;
  period: { from: string; to: string } | null;
  loading: boolean;
  data: AnalyticsOverview | null;
  error: string | null;
}

export interface AnalyticsActions {
  setShop(shopId: number | null): Promise<void>;
  setPreset(preset: Preset): Promise<void>;
  setCustom(patch: { from?: string; to?: string }): void;
  /** false when the typed period is not valid (the page says why). */
  applyCustom(): Promise<boolean>;
  setCompare(compare: boolean): Promise<void>;
  setTypingSeconds(seconds: number): Promise<void>;
  load(): Promise<void>;
  exportCsv(kind: ExportKind): Promise<{ filename: string; csv: string; rows: number } | null>;
  /** Saves an FAQ entry for an unanswered question and drops the question from the list. */
  addToKnowledge(question: string, answer: string): Promise<boolean>;
}

export type AnalyticsStore = ReturnType<typeof createAnalyticsStore>;

/** The Analytics page's view state; every read goes through the contract. `now` is injectable for tests. */
export function createAnalyticsStore({ client, now = () => new Date() }: { client: Client; now?: () => Date }) {
  return createStore<AnalyticsState & AnalyticsActions>()((set, get) => {
    const fail = (err: unknown) => set({ error: err instanceof Error ? err.message : String(err) });
    let requestSeq = 0;
    const today = () => shopToday(now(), get().timeZone);
    return {
      shopId: null,
      timeZone: undefined,
      preset: '30d',
      customFrom: '',
      customTo: '',
      compare: true,
      typingSeconds: 30,
      period: null,
      loading: false,
      data: null,
      error: null,

      async setShop(shopId) {
        if (shopId === get().shopId) return;
        set({ shopId, data: null, period: null, error: null });
        if (shopId === null) return;
        try {
          const settings = await client.send('settings/get', { shopId });
          if (get().shopId !== shopId) return;
          set({ timeZone: settings.facts.timeZone });
        } catch (err) {
          fail(err);
        }
        await get().setPreset(get().preset === 'custom' ? '30d' : get().preset);
      },
      async setPreset(preset) {
        if (preset === 'custom') {
          const current = get().period ?? presetPeriod('30d', today());
          set({ preset, customFrom: get().customFrom || current.from, customTo: get().customTo || current.to });
          return;
        }
        set({ preset, period: presetPeriod(preset, today()) });
        await get().load();
      },
      setCustom(patch) {
        set({ customFrom: patch.from ?? get().customFrom, customTo: patch.to ?? get().customTo });
      },
      async applyCustom() {
        const period = customPeriod(get().customFrom, get().customTo);
        if (!period) return false;
        set({ period });
        await get().load();
        return true;
      },
      async setCompare(compare) {
        set({ compare });
        await get().load();
      },
      async setTypingSeconds(typingSeconds) {
        set({ typingSeconds });
        await get().load();
      },
      async load() {
        const { shopId, period, compare, typingSeconds } = get();
        if (shopId === null || period === null) return;
        const seq = ++requestSeq;
        set({ loading: true });
        try {
          const data = await client.send('analytics/get-overview', { shopId, ...period, compare, typingSeconds });
          // A newer request (another period, another shop) wins over a slower older one.
          if (seq === requestSeq) set({ data, error: null });
        } catch (err) {
          if (seq === requestSeq) fail(err);
        } finally {
          if (seq === requestSeq) set({ loading: false });
        }
      },
      async exportCsv(kind) {
        const { shopId, period } = get();
        if (shopId === null || period === null) return null;
        try {
          return await client.send('analytics/export', { shopId, kind, ...period });
        } catch (err) {
          fail(err);
          return null;
        }
      },
      async addToKnowledge(question, answer) {
        const { shopId, data } = get();
        if (shopId === null) return false;
        try {
          await client.send('knowledge/save', { shopId, question, answer });
          if (data) set({ data: { ...data, unanswered: data.unanswered.filter((q) => q.text !== question) } });
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },
    };
  });
}
