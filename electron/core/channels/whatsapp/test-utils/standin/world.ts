import { jidDecode } from '@whiskeysockets/baileys';
import type { StandinConnection } from './connection';
import type { CustomerDevice } from './customer-device';
import type { KeyBundle } from './key-bundles';
import type { SellerPhone } from './seller-phone';

/** A companion (our app) the seller's phone linked. Keyed `user:device`. */
export interface LinkedDevice {
  phoneNumber: string;
  deviceId: number;
  keyIndex: number;
  /** The companion's static noise key: a login must present it. */
  noiseKey: Buffer;
  identityKey: Buffer;
  jid: string;
  lid: string;
}

/** A companion that registered (sent devicePairingData) and waits for a phone to scan its QR. */
export interface PendingRegistration {
  conn: StandinConnection;
  identityKey: Buffer;
}

/** Everything the stand-in server knows, shared by its handlers. Plain maps: one world per server. */
export interface World {
  phones: Map<string, SellerPhone>;
  linked: Map<string, LinkedDevice>;
  pending: Map<string, PendingRegistration>;
  /** Uploaded pre-keys, keyed `user:device`. */
  bundles: Map<string, KeyBundle>;
  customers: Map<string, CustomerDevice>;
  /** Logged-in companion connections, keyed `user:device`. */
  online: Map<string, StandinConnection>;
  /** Which linked device a logged-in connection is. */
  deviceOf: Map<StandinConnection, LinkedDevice>;
  /** The media upload host `media_conn` names (`127.0.0.1:PORT` of media-host.ts); null: none. */
  mediaHost: string | null;
}

export const makeWorld = (): World => ({
  phones: new Map(),
  linked: new Map(),
  pending: new Map(),
  bundles: new Map(),
  customers: new Map(),
  online: new Map(),
  deviceOf: new Map(),
  mediaHost: null,
});

export const deviceKey = (user: string, device: number): string => `${user}:${device}`;

/** Who a JID (phone number or LID, any device) belongs to, and that person's phone-number user. */
export type Party =
  | { kind: 'customer'; pnUser: string; device: number; customer: CustomerDevice }
  | { kind: 'seller'; pnUser: string; device: number; phone: SellerPhone };

export const resolveParty = (world: World, jid: string): Party | null => {
  const decoded = jidDecode(jid);
  if (!decoded) return null;
  const device = decoded.device ?? 0;
  const isLid = decoded.server === 'lid';
  for (const customer of world.customers.values()) {
    if ((isLid ? customer.lidUser : customer.phoneNumber) === decoded.user) {
      return { kind: 'customer', pnUser: customer.phoneNumber, device, customer };
    }
  }
  for (const phone of world.phones.values()) {
    if ((isLid ? phone.lidUser : phone.phoneNumber) === decoded.user) {
      return { kind: 'seller', pnUser: phone.phoneNumber, device, phone };
    }
  }
  return null;
};
