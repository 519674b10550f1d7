import type { Bridge, ConnectionState } from '../../../shared/contract/bridge';
import type { Envelope } from '../../../shared/contract/errors';
import { type EventMessage, events } from '../../../shared/contract/events';
import {
  type PairingOffer,
  type PairSession,
  type RelayFrame,
  RelayControlMessage,
  type ReplayWindow,
  createReplayWindow,
  fromB64u,
  generateIdentity,
  exportIdentity,
  importIdentity,
  makePairSession,
  nextCounter,
  pairingProof,
  pairingTicket,
  publicIdentity,
} from '../../../shared/relay/index';
import { isDeviceWrite } from '../../../shared/sync/allowlist';
import { DesktopMessage, type DeviceMessage } from '../../../shared/sync/messages';
import { type RelayClient, type RelaySocketConstructor, type WelcomeFrame, createRelayClient } from '../../../shared/sync/relay-client';
import type { DeviceState, DeviceStorage, QueuedCommand } from './device-state';

/** What the phone shows about its link to the computer. */
export interface DeviceStatus {
  phase: DeviceState['phase'] | 'none';
  relay: ConnectionState;
  desktopOnline: boolean;
  /** ms since the epoch the computer was last seen (when offline), as the relay says. */
  desktopSince: number | null;
  /** Writes waiting for the computer. */
  queued: number;
}

export interface RelayBridgeConfig {
  storage: DeviceStorage;
  WebSocket: RelaySocketConstructor;
  /** The QR's offer, when the page was opened from one. */
  offer?: PairingOffer | null;
  deviceName?: string;
  now?: () => number;
  /** A read answered by nobody after this is `unavailable` (writes wait in the queue instead). */
  readTimeoutMs?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  randomId?: () => string;
}

export interface RelayBridge extends Bridge {
  onConnection(listener: (state: ConnectionState) => void): () => void;
  onDevice(listener: (status: DeviceStatus) => void): () => void;
  status(): DeviceStatus;
  close(): void;
}

const decoder = new TextDecoder();
const unavailable = (message: string): Envelope<never> => ({ ok: false, error: { code: 'unavailable', message } });
const randomId = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * The third transport: the contract over the relay, end-to-end encrypted with the desktop. Reads go
 * out when the computer is online; writes are queued (kept across reloads) while it is not, sent
 * when it returns, and sent again with the same id until answered: the desktop runs each id once.
 */
export function createRelayBridge(config: RelayBridgeConfig): RelayBridge {
  const now = config.now ?? Date.now;
  const newId = config.randomId ?? randomId;
  let state: DeviceState | null = config.storage.load();
  if (config.offer && (!state || state.phase !== 'paired' || state.desktop.deviceId !== config.offer.desktop.deviceId)) {
    state = {
      seed: state?.seed ?? exportIdentity(generateIdentity()),
      relay: config.offer.relay,
      desktop: config.offer.desktop,
      offer: config.offer,
      phase: 'pairing',
      replay: null,
    };
    config.storage.save(state);
  }
  const eventListeners = new Set<(event: EventMessage) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const deviceListeners = new Set<(status: DeviceStatus) => void>();
  const waiting = new Map<string, (envelope: Envelope<unknown>) => void>();
  let queue: QueuedCommand[] = config.storage.queue();
  let relayState: ConnectionState = 'disconnected';
  let desktopOnline = false;
  let desktopSince: number | null = null;
  let lastCounter = 0;
  let session: PairSession | null = null;
  const replayWindow: ReplayWindow = createReplayWindow(state?.replay ?? undefined);
  let client: RelayClient | null = null;

  const status = (): DeviceStatus => ({
    phase: state?.phase ?? 'none',
    relay: relayState,
    desktopOnline,
    desktopSince,
    queued: queue.length,
  });
  /** For the app, "connected" means the computer answers: the relay alone serves nothing. */
  const connection = (): ConnectionState => (relayState === 'connected' ? (desktopOnline ? 'connected' : 'disconnected') : relayState);
  let lastConnection: ConnectionState = 'disconnected';
  const notify = () => {
    const s = status();
    for (const listener of deviceListeners) listener(s);
    const c = connection();
    if (c === lastConnection) return;
    lastConnection = c;
    for (const listener of stateListeners) listener(c);
  };
  const save = () => state && config.storage.save({ ...state, replay: replayWindow.state() });
  const identity = state ? importIdentity(state.seed) : null;
  const sessionNow = (): PairSession => {
    if (!identity || !state) throw new Error('not paired');
    session ??= makePairSession(identity.boxSecret, fromB64u(state.desktop.box));
    return session;
  };
  const seal = (text: string) => {
    lastCounter = nextCounter(lastCounter, now());
    return sessionNow().seal(text, lastCounter);
  };
  const sendMessage = (message: DeviceMessage): boolean => {
    if (!client || !state || state.phase !== 'paired') return false;
    return client.send({
      t: 'send',
      ref: newId().slice(0, 32),
      items: [{ to: state.desktop.deviceId, body: seal(JSON.stringify(message)) }],
    });
  };
  const flushQueue = () => {
    if (!desktopOnline) return;
    for (const command of queue) sendMessage({ t: 'call', id: command.id, name: command.name, input: command.input });
  };
  const setDesktop = (online: boolean, at: number | null) => {
    const wasOnline = desktopOnline;
    desktopOnline = online;
    desktopSince = online ? null : (at ?? desktopSince ?? now());
    if (online && !wasOnline) {
      sendMessage({ t: 'hello', at: new Date(now()).toISOString() });
      flushQueue();
    }
    notify();
  };
  const desktopMember = (members: WelcomeFrame['members']) => members.find((m) => m.device === state?.desktop.deviceId);

  function onWelcome(welcome: WelcomeFrame): void {
    if (!state || !identity || !client) return;
    if (welcome.role === 'pending') {
      if (state.phase !== 'pairing' || !state.offer) {
        state = { ...state, phase: 'unpaired' };
        save();
        notify();
        return;
      }
      const offer = state.offer;
      const me = publicIdentity(identity);
      const hello = makePairSession(identity.boxSecret, fromB64u(offer.desktop.box)).seal(
        JSON.stringify({ kind: 'device-hello', name: config.deviceName ?? 'Phone' }),
        nextCounter(lastCounter, now()),
      );
      client.send({
        t: 'pair-join',
        desktop: offer.desktop.deviceId,
        ticket: pairingTicket(offer.secret),
        box: me.box,
        proof: pairingProof(offer.secret, me),
        hello,
      });
      return;
    }
    if (state.phase !== 'paired') {
      state = { ...state, phase: 'paired', offer: null };
      save();
    }
    const desk = desktopMember(welcome.members);
    client.send({ t: 'drain', max: 1000 });
    setDesktop(desk?.online ?? false, desk?.lastSeen ?? null);
  }

  function onDeliver(frame: Extract<RelayFrame, { t: 'deliver' }>): void {
    if (!state || frame.from !== state.desktop.deviceId) return void client?.send({ t: 'ack', ids: [frame.id] });
    let text: string;
    try {
      text = decoder.decode(sessionNow().open(frame.body, replayWindow));
    } catch {
      // Tampered, replayed or sealed for another key: dropped (acked so it is not delivered again).
      return void client?.send({ t: 'ack', ids: [frame.id] });
    }
    save();
    client?.send({ t: 'ack', ids: [frame.id] });
    const json: unknown = JSON.parse(text);
    const control = RelayControlMessage.safeParse(json);
    if (control.success && control.data.kind === 'rekey') {
      // The desktop rotated its box key (a device was unpaired): seal with the new one, and send again what waits.
      state = { ...state, desktop: { ...state.desktop, box: control.data.box } };
      session = null;
      save();
      flushQueue();
      return;
    }
    const message = DesktopMessage.safeParse(json);
    if (!message.success) return;
    const m = message.data;
    if (m.t === 'hello') return setDesktop(true, null);
    if (m.t === 'result') {
      const before = queue.length;
      queue = queue.filter((c) => c.id !== m.id);
      if (queue.length !== before) config.storage.saveQueue(queue);
      waiting.get(m.id)?.(m.envelope as Envelope<unknown>);
      waiting.delete(m.id);
      notify();
      return;
    }
    if (Object.hasOwn(events, m.name)) {
      const event = { name: m.name, payload: m.payload } as EventMessage;
      for (const listener of eventListeners) listener(event);
    }
  }

  function onFrame(frame: RelayFrame): void {
    if (!state) return;
    switch (frame.t) {
      case 'deliver':
        return onDeliver(frame);
      case 'drained':
        if (frame.remaining > 0) client?.send({ t: 'drain', max: 1000 });
        return;
      case 'paired':
        state = { ...state, phase: 'paired', offer: null };
        save();
        notify();
        // Reconnect as a member: the welcome then carries the desktop's presence.
        client?.reconnect();
        return;
      case 'pair-refused':
        state = { ...state, phase: 'refused' };
        save();
        notify();
        return;
      case 'presence':
        if (frame.device === state.desktop.deviceId) setDesktop(frame.online, frame.at);
        return;
      case 'members': {
        if (identity && !frame.members.some((m) => m.device === identity.deviceId)) {
          state = { ...state, phase: 'unpaired' };
          save();
          notify();
          return;
        }
        const desk = desktopMember(frame.members);
        if (desk) setDesktop(desk.online, desk.lastSeen);
        return;
      }
      case 'error':
        if (frame.code === 'unpaired' || frame.code === 'unknown-device' || frame.code === 'auth-failed') {
          state = { ...state, phase: state.phase === 'pairing' ? 'refused' : 'unpaired' };
          save();
          client?.close();
          notify();
        }
        return;
      default:
        return;
    }
  }

  if (state && identity && state.phase !== 'unpaired' && state.phase !== 'refused') {
    client = createRelayClient({
      url: state.relay,
      identity,
      WebSocket: config.WebSocket,
      onFrame,
      onState(next, welcome) {
        relayState = next;
        if (next === 'connected' && welcome) onWelcome(welcome);
        if (next !== 'connected' && desktopOnline) setDesktop(false, now());
        notify();
      },
      ...(config.minDelayMs !== undefined && { minDelayMs: config.minDelayMs }),
      ...(config.maxDelayMs !== undefined && { maxDelayMs: config.maxDelayMs }),
    });
  }

  return {
    shell: 'browser',
    call(name, input) {
      if (!state || state.phase !== 'paired') return Promise.resolve(unavailable('This phone is not paired with a computer'));
      const id = newId();
      return new Promise<Envelope<unknown>>((resolve) => {
        if (isDeviceWrite(name)) {
          // Kept until the desktop answers: sent now if it is online, else when it returns.
          queue = [...queue, { id, name, input, at: now() }];
          config.storage.saveQueue(queue);
          waiting.set(id, resolve);
          if (desktopOnline) sendMessage({ t: 'call', id, name, input });
          notify();
          return;
        }
        if (!desktopOnline || !sendMessage({ t: 'call', id, name, input })) {
          resolve(unavailable('Your computer is offline'));
          return;
        }
        waiting.set(id, resolve);
        setTimeout(() => {
          if (!waiting.has(id)) return;
          waiting.delete(id);
          resolve(unavailable('Your computer did not answer'));
        }, config.readTimeoutMs ?? 20_000);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      listener(connection());
      return () => stateListeners.delete(listener);
    },
    onDevice(listener) {
      deviceListeners.add(listener);
      listener(status());
      return () => deviceListeners.delete(listener);
    },
    status,
    close() {
      client?.close();
      client = null;
    },
  };
}

export type { RelaySocketConstructor };
