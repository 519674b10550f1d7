import { createStore } from 'zustand/vanilla';
import type { DeviceStatus, RelayBridge } from '../../api/relay-bridge';

export type DeviceStore = ReturnType<typeof createDeviceStore>;

/** The phone's link to the computer, as the relay bridge reports it (view state only). */
export function createDeviceStore(bridge: Pick<RelayBridge, 'onDevice'>, offerProblem: 'unreadable' | 'expired' | null = null) {
  const store = createStore<DeviceStatus & { offerProblem: typeof offerProblem }>()(() => ({
    phase: 'none',
    relay: 'disconnected',
    desktopOnline: false,
    desktopSince: null,
    queued: 0,
    offerProblem,
  }));
  bridge.onDevice((status) => store.setState(status));
  return store;
}
