import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { getBinaryNodeChild, type BinaryNode } from '@whiskeysockets/baileys';
import { WebSocketServer } from 'ws';
import { makeCertAuthority, type CertAuthority } from './cert-chain';
import { makeConnection, serverTag, type Handshook, type StandinConnection } from './connection';
import { makeCustomerDevice, type CustomerDevice } from './customer-device';
import { answerIq } from './iq-answers';
import { parseQr } from './qr';
import { makeRelay, type Relay } from './relay';
import { makeSellerPhone, type SellerPhone } from './seller-phone';
import { deviceKey, makeWorld, type LinkedDevice, type World } from './world';

/**
 * A loopback WhatsApp stand-in: a real WebSocket server speaking WhatsApp Web's Noise + binary-node
 * protocol well enough for an unmodified Baileys socket to link, log in, keep alive and exchange
 * Signal-encrypted messages with simulated customers. Test-only; never shipped in the app.
 */

export interface StandinOptions {
  /** Refs in the `pair-device` iq sent to a fresh companion (each becomes one QR); 0 sends none. */
  pairDeviceRefs?: number;
  /** Lets a test answer (or swallow, with `null`) an iq before the default handling. */
  onIq?: (conn: StandinConnection, iq: BinaryNode) => BinaryNode | null | undefined;
  /** Record every node per connection (default true); off for memory benchmarks. */
  keepLog?: boolean;
}

export interface Standin {
  readonly url: string;
  /** Install into Baileys' `WA_CERT_DETAILS.PUBLIC_KEY` so the socket trusts this server. */
  readonly rootPublicKey: Buffer;
  /** The stand-in's keys and certificate chain, for tests that check the handshake itself. */
  readonly authority: CertAuthority;
  readonly connections: readonly StandinConnection[];
  readonly world: World;
  readonly relay: Relay;
  /** The next connection not yet handed out by this method, waiting for it if needed. */
  nextConnection(timeoutMs?: number): Promise<StandinConnection>;
  /** The seller's phone for a number (created on first use). */
  sellerPhone(phoneNumber: string): SellerPhone;
  /** A customer's phone for a number (created on first use); its keys are on the server. */
  customer(phoneNumber: string): CustomerDevice;
  /** Plays the phone scanning `qr`: pair-success, checks the companion's signature, then 515. */
  link(qr: string, sellerPhoneNumber: string): Promise<LinkedDevice>;
  /** Removes a linked device, as "log out" on the phone does; its next login fails with 401. */
  unlink(device: LinkedDevice): void;
  /** The connection a linked device is logged in on, if any. */
  onlineConnection(device: LinkedDevice): StandinConnection | undefined;
  close(): Promise<void>;
}

const now = (): string => `${Math.floor(Date.now() / 1000)}`;

export const startStandin = async (options: StandinOptions = {}): Promise<Standin> => {
  const authority = makeCertAuthority();
  const world = makeWorld();
  const relay = makeRelay(world);
  const connections: StandinConnection[] = [];
  let handedOut = 0;
  const arrivals = new Set<() => void>();
  let nextLid = 100_000_000_000_001;
  let nextDeviceId = 1;

  const pairDevice = (conn: StandinConnection): void => {
    const refs = Array.from({ length: options.pairDeviceRefs ?? 6 }, () => randomBytes(18).toString('base64'));
    if (!refs.length) return;
    conn.send({
      tag: 'iq',
      attrs: { from: 's.whatsapp.net', type: 'set', id: serverTag(), xmlns: 'md' },
      content: [{ tag: 'pair-device', attrs: {}, content: refs.map((ref) => ({ tag: 'ref', attrs: {}, content: Buffer.from(ref) })) }],
    });
  };

  const login = (conn: StandinConnection, { clientStatic, payload }: Handshook): void => {
    const key = deviceKey(String(payload.username ?? ''), payload.device ?? 0);
    const device = world.linked.get(key);
    if (!device || !device.noiseKey.equals(clientStatic)) {
      // Unknown or unlinked device: WhatsApp refuses the login as logged out.
      conn.send({ tag: 'failure', attrs: { reason: '401', location: 'standin' } });
      return;
    }
    world.online.get(key)?.drop();
    world.online.set(key, conn);
    world.deviceOf.set(conn, device);
    conn.send({ tag: 'success', attrs: { t: now(), lid: device.lid, location: 'standin', creation: now(), props: '1' } });
  };

  const onHandshake = (conn: StandinConnection, handshook: Handshook): void => {
    const pairing = handshook.payload.devicePairingData;
    if (!handshook.payload.passive && pairing?.eIdent) {
      world.pending.set(handshook.clientStatic.toString('hex'), { conn, identityKey: Buffer.from(pairing.eIdent) });
      pairDevice(conn);
      return;
    }
    login(conn, handshook);
  };

  const onIq = (conn: StandinConnection, iq: BinaryNode): void => {
    if (iq.attrs.type !== 'get' && iq.attrs.type !== 'set') return;
    const custom = options.onIq?.(conn, iq);
    if (custom === null) return;
    if (custom) {
      conn.send(custom);
      return;
    }
    const device = world.deviceOf.get(conn);
    conn.send(answerIq(world, iq, device));
    // The companion went active: hand over what was queued, then say the offline backlog is done.
    if (iq.attrs.xmlns === 'passive' && getBinaryNodeChild(iq, 'active') && device) {
      const count = relay.flushOffline(device, conn);
      conn.send({ tag: 'ib', attrs: { from: 's.whatsapp.net' }, content: [{ tag: 'offline', attrs: { count: `${count}` } }] });
    }
  };

  const onNode = (conn: StandinConnection, node: BinaryNode): void => {
    const device = world.deviceOf.get(conn);
    if (node.tag === 'iq') onIq(conn, node);
    else if (node.tag === 'message' && device) void relay.fromCompanion(conn, device, node);
    else if (node.tag === 'receipt' && device) relay.receiptFromCompanion(conn, node);
  };

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  wss.on('connection', (ws) => {
    const conn = makeConnection(
      connections.length + 1,
      ws,
      authority,
      {
        onHandshake,
        onNode,
        onError: (c, error) => relay.errors.push(`connection ${c.id}: ${error.message}`),
      },
      options.keepLog ?? true,
    );
    connections.push(conn);
    void conn.closed.then(() => {
      const device = world.deviceOf.get(conn);
      if (device && world.online.get(deviceKey(device.phoneNumber, device.deviceId)) === conn) {
        world.online.delete(deviceKey(device.phoneNumber, device.deviceId));
      }
    });
    for (const arrival of arrivals) arrival();
  });
  const { port } = wss.address() as AddressInfo;

  const sellerPhone = (phoneNumber: string): SellerPhone => {
    let phone = world.phones.get(phoneNumber);
    if (!phone) {
      phone = makeSellerPhone(phoneNumber, `${nextLid++}`);
      world.phones.set(phoneNumber, phone);
    }
    return phone;
  };

  return {
    url: `ws://127.0.0.1:${port}/ws/chat`,
    rootPublicKey: authority.rootPublicKey,
    authority,
    connections,
    world,
    relay,
    nextConnection(timeoutMs = 5_000) {
      const take = (): StandinConnection | undefined => (handedOut < connections.length ? connections[handedOut++] : undefined);
      const ready = take();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const arrival = (): void => {
          const conn = take();
          if (!conn) return;
          arrivals.delete(arrival);
          clearTimeout(timer);
          resolve(conn);
        };
        const timer = setTimeout(() => {
          arrivals.delete(arrival);
          reject(new Error('stand-in: no new connection arrived'));
        }, timeoutMs);
        arrivals.add(arrival);
      });
    },
    sellerPhone,
    customer(phoneNumber) {
      let customer = world.customers.get(phoneNumber);
      if (!customer) {
        customer = makeCustomerDevice(phoneNumber, `${nextLid++}`);
        world.customers.set(phoneNumber, customer);
        world.bundles.set(deviceKey(phoneNumber, 0), customer.bundle);
      }
      return customer;
    },
    async link(qr, sellerPhoneNumber) {
      const parsed = parseQr(qr);
      const pending = world.pending.get(parsed.noiseKey.toString('hex'));
      if (!pending?.conn.isOpen) throw new Error('no waiting companion has the noise key in this QR');
      if (!pending.identityKey.equals(parsed.identityKey)) throw new Error('QR identity key differs from the registered one');
      const phone = sellerPhone(sellerPhoneNumber);
      const deviceId = nextDeviceId++;
      const keyIndex = deviceId;
      const reply = await pending.conn.query(phone.pairSuccess(parsed, deviceId, keyIndex));
      if (reply.attrs.type !== 'result') throw new Error('companion refused pair-success');
      phone.verifyPairDeviceSign(reply, parsed.identityKey);
      const device: LinkedDevice = {
        phoneNumber: sellerPhoneNumber,
        deviceId,
        keyIndex,
        noiseKey: parsed.noiseKey,
        identityKey: parsed.identityKey,
        jid: `${sellerPhoneNumber}:${deviceId}@s.whatsapp.net`,
        lid: `${phone.lidUser}:${deviceId}@lid`,
      };
      world.linked.set(deviceKey(sellerPhoneNumber, deviceId), device);
      world.pending.delete(parsed.noiseKey.toString('hex'));
      // As WhatsApp does: the freshly paired companion must reconnect and log in.
      pending.conn.send({ tag: 'stream:error', attrs: { code: '515' } });
      return device;
    },
    unlink(device) {
      const key = deviceKey(device.phoneNumber, device.deviceId);
      world.linked.delete(key);
      world.bundles.delete(key);
    },
    onlineConnection: (device) => world.online.get(deviceKey(device.phoneNumber, device.deviceId)),
    async close() {
      for (const conn of connections) conn.drop();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
};
