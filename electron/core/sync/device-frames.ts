import {
  type RelayFrame,
  RelayControlMessage,
  RelayCryptoError,
  createReplayWindow,
  fromB64u,
  makePairSession,
} from '../../../shared/relay/index';
import { type DesktopMessage, DeviceMessage } from '../../../shared/sync/messages';
import type { FrameOf, RelayClient } from '../../../shared/sync/relay-client';
import type { Logger } from '../ports';
import type { makeDesktopIdentity } from './desktop-identity';
import type { makeDeviceSessions } from './device-sessions';
import type { DeviceRow, DevicesRepo } from './devices-repo';
import type { makePairingOffers } from './pairing';
import type { makeRemoteCalls } from './remote-calls';

/** What reading a device's frames touches (all built by makeSyncService). */
export interface DeviceFramesDeps {
  /** Paired devices: found by their signing key, marked seen, added on pairing. */
  devices: DevicesRepo;
  /** Each device's box session: opens what it sealed. */
  sessions: ReturnType<typeof makeDeviceSessions>;
  /** The pairing offers shown as QR codes: a request must answer one. */
  offers: ReturnType<typeof makePairingOffers>;
  /** The desktop identity: its box secret opens a pairing device's hello. */
  identity: ReturnType<typeof makeDesktopIdentity>;
  /** Runs an allowed device command once per command id. */
  runRemote: ReturnType<typeof makeRemoteCalls>;
  /** Seals a message for each target device and sends it; false when the relay is not connected. */
  sendTo(targets: DeviceRow[], message: DesktopMessage): boolean;
  /** The relay connection, null while sync is off. */
  relay(): RelayClient | null;
  /** Core's logger. */
  logger: Logger;
  /** Now, as an ISO string. */
  iso(): string;
  /** Publishes sync/changed (a device paired, or was seen). */
  changed(): void;
}

const decoder = new TextDecoder();

/** The desktop's side of what paired and pairing devices send through the relay. */
export function makeDeviceFrames(deps: DeviceFramesDeps) {
  const { devices, iso } = deps;

  /** A device's sealed message: a hello, or a command run like a local call and answered with its result. */
  async function handleDeliver(frame: Extract<RelayFrame, { t: 'deliver' }>): Promise<void> {
    const device = devices.bySignKey(frame.from);
    if (!device) return; // unpaired since: nothing of it is read
    let plain: string;
    try {
      plain = decoder.decode(deps.sessions.open(device, frame.body));
    } catch (err) {
      if (!(err instanceof RelayCryptoError)) throw err;
      deps.logger.warn({ deviceId: device.id, code: err.code }, 'refused an envelope from a paired device');
      return;
    }
    devices.markSeen(device.id, iso());
    const parsed = DeviceMessage.safeParse(JSON.parse(plain));
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'hello') {
      deps.sendTo([device], { t: 'hello', at: iso() });
      deps.changed();
      return;
    }
    const envelope = await deps.runRemote(device.id, { commandId: message.id, name: message.name, input: message.input });
    deps.sendTo([device], { t: 'result', id: message.id, envelope });
  }

  /** The name a pairing device gives in its sealed hello; "Phone" when it gave none we can read. */
  function pairingName(frame: FrameOf<'pair-request'>): string {
    if (!frame.hello) return 'Phone';
    try {
      const session = makePairSession(deps.identity.get().boxSecret, fromB64u(frame.box));
      const hello = RelayControlMessage.safeParse(JSON.parse(decoder.decode(session.open(frame.hello, createReplayWindow()))));
      if (hello.success && hello.data.kind === 'device-hello') return hello.data.name;
    } catch {
      // A missing or unreadable name is no reason to refuse a device that proved it read the QR.
    }
    return 'Phone';
  }

  /** A device that read a pairing QR asks to join: accepted when it answers a live offer. */
  function handlePairRequest(frame: FrameOf<'pair-request'>): void {
    const client = deps.relay();
    if (!client) return;
    const verdict = deps.offers.accept({ ticket: frame.ticket, device: frame.device, box: frame.box, proof: frame.proof });
    if (!verdict.ok) {
      deps.logger.warn({ reason: verdict.reason }, 'refused a pairing request');
      client.send({ t: 'pair-reject', device: frame.device, ticket: frame.ticket });
      return;
    }
    const device = devices.add({ name: pairingName(frame), signPublicKey: frame.device, boxPublicKey: frame.box }, iso());
    devices.markSeen(device.id, iso());
    client.send({ t: 'pair-accept', device: frame.device, ticket: frame.ticket });
    deps.logger.info({ deviceId: device.id }, 'a device was paired');
    deps.changed();
  }

  return { handleDeliver, handlePairRequest };
}
