import { makeDeviceStorage } from '../../api/device-state';
import { type RelayBridge, createRelayBridge } from '../../api/relay-bridge';
import { deviceModeOf, leavePairingAddress } from './device-mode';
import { type DeviceStore, createDeviceStore } from './device-store';

/** A short name the seller recognises in Settings → Your phone. */
function deviceName(nav: Navigator): string {
  const ua = nav.userAgent;
  const kind = /iPhone|iPad/.test(ua) ? 'iPhone' : /Android/.test(ua) ? 'Android' : 'Browser';
  return `${kind} ${new Date().toISOString().slice(0, 10)}`;
}

/**
 * When this page is the device app, the relay bridge and the phone's link state; null on the
 * computer. Also registers the service worker, so the installed app opens without the network.
 */
export function startDeviceApp(win: Window): { bridge: RelayBridge; store: DeviceStore } | null {
  const mode = deviceModeOf(win.location);
  if (!mode) return null;
  if (win.location.hash.startsWith('#pair=')) leavePairingAddress(win);
  const bridge = createRelayBridge({
    storage: makeDeviceStorage(win.localStorage),
    WebSocket,
    offer: mode.offer,
    deviceName: deviceName(win.navigator),
  });
  if ('serviceWorker' in win.navigator && win.isSecureContext) {
    win.navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  }
  return { bridge, store: createDeviceStore(bridge, mode.offerProblem) };
}
