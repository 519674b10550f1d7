import { ContractError, type EventMessage } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/contract/sync';
import { MAX_SEND_ITEMS, type RelayFrame, type RelayControlMessage, pairingLink, toB64u } from '../../../shared/relay/index';
import type { DesktopMessage } from '../../../shared/sync/messages';
import {
  type RelayClient,
  type RelayLinkState,
  type RelaySocketConstructor,
  type WelcomeFrame,
  createRelayClient,
} from '../../../shared/sync/relay-client';
import type { EventBus } from '../events';
import type { Clock, Logger } from '../ports';
import { isDeviceEvent } from './allowlist';
import { makeDesktopIdentity } from './desktop-identity';
import { makeDeviceFrames } from './device-frames';
import { makeDeviceSessions } from './device-sessions';
import type { DeviceRow } from './devices-repo';
import { makePairingOffers } from './pairing';
import { type RemoteCallsDeps, makeRemoteCalls } from './remote-calls';
import type { SyncStore } from './sync-store';

export interface SyncDeps {
  /** Paired devices and the relay settings (sync_* tables). */
  store: SyncStore;
  /** The data folder: the desktop identity's seed is kept in it (sync/desktop-identity.key, 0600). */
  dataDir: string;
  /** Runs an allowed device command like a local call (App.dispatch). */
  dispatch: RemoteCallsDeps['dispatch'];
  /** Core's events, sealed for each paired device when the allowlist names them; sync/changed for the UI. */
  bus: EventBus;
  /** Time for pairing offers' expiry and the reconnect backoff. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** The WebSocket class the relay connection uses (the `ws` package in Node). */
  WebSocket: RelaySocketConstructor;
  /** Renders the pairing link as a QR PNG data URL. */
  toQrDataUrl(text: string): Promise<string>;
  /** Reconnect backoff (tests shorten it). */
  minDelayMs?: number;
  /** Longest reconnect wait, in ms (tests shorten it). */
  maxDelayMs?: number;
}

/**
 * Multi-device sync, the desktop side: off until the seller turns it on. When on, core is a member
 * of the relay as the desktop identity, seals the events a device needs for each paired device,
 * and runs the commands devices send through the same dispatch as local calls (allowlisted, once
 * per command id, audited with the device).
 */
export function makeSyncService(deps: SyncDeps) {
  const { config, devices, commands } = deps.store;
  const identity = makeDesktopIdentity(deps.dataDir);
  const now = () => deps.clock.now().getTime();
  const iso = () => deps.clock.now().toISOString();
  const sessions = makeDeviceSessions({ devices, identity: () => identity.get(), now });
  const offers = makePairingOffers(now);
  const runRemote = makeRemoteCalls({ dispatch: deps.dispatch, commands, clock: deps.clock, logger: deps.logger });
  let client: RelayClient | null = null;
  let connection: SyncStatus['connection'] = 'off';
  let refCount = 0;

  const status = (): SyncStatus => {
    const c = config.get();
    return {
      enabled: c.enabled,
      relayUrl: c.relayUrl,
      appUrl: c.appUrl ?? (c.relayUrl ? defaultAppUrl(c.relayUrl) : null),
      connection,
      devices: devices.list().map((d) => ({ id: d.id, name: d.name, pairedAt: d.pairedAt, lastSeenAt: d.lastSeenAt })),
    };
  };
  const changed = () => deps.bus.emit('sync/changed', status());

  const sendTo = (
    targets: DeviceRow[],
    message: DesktopMessage | RelayControlMessage,
    sealWith?: Parameters<typeof sessions.sealWith>[0],
  ) => {
    if (!client?.connected) return false;
    const text = JSON.stringify(message);
    for (let i = 0; i < targets.length; i += MAX_SEND_ITEMS) {
      const items = targets.slice(i, i + MAX_SEND_ITEMS).map((d) => ({
        to: d.signPublicKey,
        body: sealWith ? sessions.sealWith(sealWith, d, text) : sessions.seal(d, text),
      }));
      client.send({ t: 'send', ref: `s${++refCount}`, items });
    }
    return true;
  };

  const onEvent = (event: EventMessage) => {
    if (!client?.connected || !isDeviceEvent(event.name)) return;
    const targets = devices.list();
    if (targets.length) sendTo(targets, { t: 'event', name: event.name, payload: event.payload });
  };
  const unsubscribe = deps.bus.subscribe(onEvent, (name) => client?.connected === true && isDeviceEvent(name));

  const frames = makeDeviceFrames({
    devices,
    sessions,
    offers,
    identity,
    runRemote,
    sendTo: (targets, message) => sendTo(targets, message),
    relay: () => client,
    logger: deps.logger,
    iso,
    changed,
  });

  /**
   * A new box key, announced to the remaining devices under the old one (which is then forgotten):
   * what an unpaired device learnt of its pair key opens nothing sealed afterwards. Only while
   * connected, so no remaining device misses the announcement.
   */
  function rotate(): void {
    const { previous, next } = identity.rotateBox();
    sendTo(devices.list(), { kind: 'rekey', box: toB64u(next.boxPublic), at: now() }, previous);
    sessions.forget();
    const c = config.get();
    if (c.rotatePending) config.set({ ...c, rotatePending: false }, iso());
  }

  /** The relay's members that are not ours any more (unpaired while offline) are removed there too. */
  function reconcile(welcome: WelcomeFrame): void {
    const mine = new Set(devices.list().map((d) => d.signPublicKey));
    for (const member of welcome.members) {
      if (member.role === 'device' && !mine.has(member.device)) client?.send({ t: 'unpair', device: member.device });
    }
    if (config.get().rotatePending) rotate();
    client?.send({ t: 'drain', max: 1000 });
  }

  function onFrame(frame: RelayFrame): void {
    switch (frame.t) {
      case 'deliver':
        // Acked once handled: a command the relay delivers twice is answered from the audit row.
        frames
          .handleDeliver(frame)
          .catch((err: unknown) => deps.logger.error({ err }, 'a device message failed'))
          .finally(() => client?.send({ t: 'ack', ids: [frame.id] }));
        return;
      case 'drained':
        if (frame.remaining > 0) client?.send({ t: 'drain', max: 1000 });
        return;
      case 'pair-request':
        return frames.handlePairRequest(frame);
      case 'presence': {
        const device = devices.bySignKey(frame.device);
        if (device) {
          devices.markSeen(device.id, new Date(frame.at).toISOString());
          changed();
        }
        return;
      }
      case 'error':
        deps.logger.warn({ code: frame.code, message: frame.message }, 'the relay refused something');
        return;
      default:
        return;
    }
  }

  function onState(state: RelayLinkState, welcome?: WelcomeFrame): void {
    connection = state;
    if (state === 'connected' && welcome) reconcile(welcome);
    changed();
  }

  function start(): void {
    const c = config.get();
    if (!c.enabled || !c.relayUrl || client) return;
    client = createRelayClient({
      url: c.relayUrl,
      identity: identity.get(),
      create: true,
      WebSocket: deps.WebSocket,
      onFrame,
      onState,
      ...(deps.minDelayMs !== undefined && { minDelayMs: deps.minDelayMs }),
      ...(deps.maxDelayMs !== undefined && { maxDelayMs: deps.maxDelayMs }),
    });
  }

  function stop(): void {
    const c = client;
    client = null;
    c?.close();
    connection = 'off';
  }

  return {
    status,
    /** Starts the link when the stored choice says on (createCore calls it once). */
    start,
    configure(input: { enabled: boolean; relayUrl?: string | undefined; appUrl?: string | undefined }): SyncStatus {
      const before = config.get();
      const next = {
        ...before,
        enabled: input.enabled,
        relayUrl: input.relayUrl ?? before.relayUrl,
        appUrl: input.appUrl ?? before.appUrl,
      };
      if (next.enabled && !next.relayUrl) throw new ContractError('invalid_input', 'Say which relay to use before turning sync on');
      config.set(next, iso());
      stop();
      start();
      changed();
      return status();
    },
    async startPairing(): Promise<{ link: string; qrDataUrl: string; expiresAt: string }> {
      const c = config.get();
      if (!c.enabled || !c.relayUrl) throw new ContractError('conflict', 'Turn multi-device sync on first');
      const offer = offers.create(c.relayUrl, identity.get());
      const link = pairingLink(c.appUrl ?? defaultAppUrl(c.relayUrl), offer);
      return { link, qrDataUrl: await deps.toQrDataUrl(link), expiresAt: new Date(offer.expiresAt).toISOString() };
    },
    unpair(deviceId: number): SyncStatus {
      const device = devices.get(deviceId);
      if (!device) throw new ContractError('not_found', `No paired device ${deviceId}`);
      devices.remove(deviceId);
      sessions.forget(deviceId);
      // The relay refuses its key from now on (or at the next connection: reconcile).
      client?.send({ t: 'unpair', device: device.signPublicKey });
      offers.clear();
      if (client?.connected) rotate();
      else config.set({ ...config.get(), rotatePending: true }, iso());
      deps.logger.info({ deviceId }, 'a device was unpaired');
      changed();
      return status();
    },
    /** What a test reads: the desktop's public ids. */
    identity: () => identity.get(),
    close(): void {
      unsubscribe();
      stop();
    },
  };
}
export type SyncService = ReturnType<typeof makeSyncService>;

/** The device app served by the relay itself (its static files), next to its WebSocket: ws(s)://host/… → http(s)://host/. */
function defaultAppUrl(relayUrl: string): string {
  const url = new URL(relayUrl.replace(/^ws/, 'http'));
  return `${url.origin}/`;
}
