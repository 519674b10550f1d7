import { randomBytes } from 'node:crypto';
import { getBinaryNodeChild, getBinaryNodeChildren, type BinaryNode, type proto } from '@whiskeysockets/baileys';
import type { StandinConnection } from './connection';
import { messageText, type CustomerDevice } from './customer-device';
import { takeBundle } from './key-bundles';
import { deviceKey, resolveParty, type LinkedDevice, type World } from './world';

/**
 * The server's message routing between customers (in-process Signal devices) and the seller's
 * companions (real sockets): fan-out per device, server acks, receipts, and an offline queue that
 * is flushed at the next login, as WhatsApp does.
 */

export interface Relay {
  /** Handles a `<message>` a companion sent. */
  fromCompanion(conn: StandinConnection, device: LinkedDevice, stanza: BinaryNode): Promise<void>;
  /** Handles a `<receipt>` a companion sent for a customer's message. */
  receiptFromCompanion(conn: StandinConnection, receipt: BinaryNode): void;
  /** Encrypts `message` from the customer to every linked device of `sellerPhone` and delivers it. */
  customerSends(customer: CustomerDevice, sellerPhone: string, message: proto.IMessage, pushName?: string): Promise<SentStanzas>;
  /** Delivers already-built stanzas again: a duplicate delivery, byte for byte. */
  redeliver(sent: SentStanzas): void;
  /** The customer's phone reports a message of the seller as delivered/read. */
  customerReceipt(customer: CustomerDevice, sellerPhone: string, ids: string[], type?: 'read'): void;
  /** Delivers what was queued for a device while it was offline; returns how many. */
  flushOffline(device: LinkedDevice, conn: StandinConnection): number;
  /** Failures the relay met (undecryptable message, unknown recipient), for assertions. */
  readonly errors: string[];
}

export interface SentStanzas {
  id: string;
  perDevice: { key: string; stanza: BinaryNode }[];
}

const now = (): string => `${Math.floor(Date.now() / 1000)}`;

export const makeRelay = (world: World): Relay => {
  const errors: string[] = [];
  const offline = new Map<string, BinaryNode[]>();

  const deliver = (key: string, stanza: BinaryNode): void => {
    const conn = world.online.get(key);
    if (conn?.isOpen) {
      conn.send(stanza);
      return;
    }
    const queue = offline.get(key) ?? [];
    queue.push({ ...stanza, attrs: { ...stanza.attrs, offline: '1' } });
    offline.set(key, queue);
  };

  const sellerDevices = (sellerPhone: string): LinkedDevice[] => [...world.linked.values()].filter((d) => d.phoneNumber === sellerPhone);

  return {
    errors,
    async fromCompanion(conn, device, stanza) {
      const id = stanza.attrs.id ?? '';
      conn.send({ tag: 'ack', attrs: { class: 'message', id, from: stanza.attrs.to ?? '', t: now() } });
      const targets = getBinaryNodeChildren(getBinaryNodeChild(stanza, 'participants'), 'to');
      for (const to of targets) {
        const party = resolveParty(world, to.attrs.jid ?? '');
        const enc = getBinaryNodeChild(to, 'enc');
        if (party?.kind !== 'customer' || party.device !== 0) continue;
        const customer = party.customer;
        if (!(enc?.content instanceof Uint8Array)) {
          errors.push(`message ${id} to ${to.attrs.jid} has no enc`);
          continue;
        }
        try {
          const message = await customer.decrypt({ user: device.phoneNumber, device: device.deviceId }, enc.attrs.type ?? '', enc.content);
          customer.deliveries.push({ id, from: device.jid });
          customer.record(device.phoneNumber, { id, fromMe: false, text: messageText(message), at: Date.now(), message });
          // The customer's phone confirms delivery to the sending device.
          conn.send({ tag: 'receipt', attrs: { from: customer.jid, id, t: now() } });
        } catch (error) {
          errors.push(`customer ${customer.phoneNumber} failed to decrypt ${id}: ${(error as Error).message}`);
        }
      }
    },
    receiptFromCompanion(conn, receipt) {
      const id = receipt.attrs.id ?? '';
      conn.send({
        tag: 'ack',
        attrs: { class: 'receipt', id, from: receipt.attrs.to ?? '', ...(receipt.attrs.type ? { type: receipt.attrs.type } : {}) },
      });
      const party = resolveParty(world, receipt.attrs.to ?? '');
      if (party?.kind !== 'customer') return;
      const customer = party.customer;
      const ids = [id, ...getBinaryNodeChildren(getBinaryNodeChild(receipt, 'list'), 'item').map((i) => i.attrs.id ?? '')];
      for (const each of ids) customer.receipts.push({ id: each, type: receipt.attrs.type ?? '' });
    },
    async customerSends(customer, sellerPhone, message, pushName = 'Customer') {
      const id = randomBytes(10).toString('hex').toUpperCase();
      const devices = sellerDevices(sellerPhone);
      if (!devices.length) throw new Error(`seller ${sellerPhone} has no linked device`);
      const perDevice: SentStanzas['perDevice'] = [];
      for (const device of devices) {
        const key = deviceKey(device.phoneNumber, device.deviceId);
        const { type, ciphertext } = await customer.encrypt({ user: device.phoneNumber, device: device.deviceId }, message, () => {
          const bundle = world.bundles.get(key);
          return bundle ? takeBundle(bundle) : null;
        });
        const stanza: BinaryNode = {
          tag: 'message',
          // PN-addressed, with the sender's LID alongside, as WhatsApp sends 1:1 messages today.
          attrs: { from: customer.jid, sender_lid: customer.lid, id, type: 'text', t: now(), notify: pushName },
          content: [{ tag: 'enc', attrs: { v: '2', type }, content: ciphertext }],
        };
        perDevice.push({ key, stanza });
        deliver(key, stanza);
      }
      customer.record(sellerPhone, { id, fromMe: true, text: messageText(message), at: Date.now() });
      return { id, perDevice };
    },
    redeliver(sent) {
      for (const { key, stanza } of sent.perDevice) deliver(key, stanza);
    },
    customerReceipt(customer, sellerPhone, ids, type) {
      const [first, ...rest] = ids;
      if (!first) return;
      for (const device of sellerDevices(sellerPhone)) {
        deliver(deviceKey(device.phoneNumber, device.deviceId), {
          tag: 'receipt',
          attrs: { from: customer.jid, id: first, t: now(), ...(type ? { type } : {}) },
          ...(rest.length ? { content: [{ tag: 'list', attrs: {}, content: rest.map((r) => ({ tag: 'item', attrs: { id: r } })) }] } : {}),
        });
      }
    },
    flushOffline(device, conn) {
      const key = deviceKey(device.phoneNumber, device.deviceId);
      const queue = offline.get(key) ?? [];
      offline.delete(key);
      for (const stanza of queue) conn.send(stanza);
      return queue.length;
    },
  };
};
