import { createHmac } from 'node:crypto';
import { Curve, getBinaryNodeChild, proto, type BinaryNode } from '@whiskeysockets/baileys';
import type { KeyPair } from './noise-server';
import type { ParsedQr } from './qr';
import { serverTag } from './connection';
import { verifyXeddsa } from './xeddsa';

/**
 * The seller's primary phone, as far as linking a companion goes: it owns the account identity key,
 * signs each new device's identity (ADV), and checks the companion's counter-signature.
 * Mirrors lib/Utils/validate-connection.js `configureSuccessfulPairing` from the other side.
 */
export interface SellerPhone {
  readonly phoneNumber: string;
  readonly lidUser: string;
  readonly accountKey: KeyPair;
  /** Builds the `pair-success` iq linking the companion that showed `qr` as `deviceId`. */
  pairSuccess(qr: ParsedQr, deviceId: number, keyIndex: number): BinaryNode;
  /** Verifies the companion's `pair-device-sign` reply; throws when the device signature is wrong. */
  verifyPairDeviceSign(reply: BinaryNode, companionIdentity: Uint8Array): void;
}

const ACCOUNT_SIG_PREFIX = Buffer.from([6, 0]);
const DEVICE_SIG_PREFIX = Buffer.from([6, 1]);

export const makeSellerPhone = (phoneNumber: string, lidUser: string): SellerPhone => {
  const accountKey: KeyPair = Curve.generateKeyPair();
  return {
    phoneNumber,
    lidUser,
    accountKey,
    pairSuccess(qr, deviceId, keyIndex): BinaryNode {
      const deviceDetails = proto.ADVDeviceIdentity.encode({
        rawId: deviceId,
        timestamp: Math.floor(Date.now() / 1000),
        keyIndex,
        accountType: proto.ADVEncryptionType.E2EE,
        deviceType: proto.ADVEncryptionType.E2EE,
      }).finish();
      const accountSignature = Curve.sign(accountKey.private, Buffer.concat([ACCOUNT_SIG_PREFIX, deviceDetails, qr.identityKey]));
      const signed = proto.ADVSignedDeviceIdentity.encode({
        details: deviceDetails,
        accountSignatureKey: accountKey.public,
        accountSignature,
      }).finish();
      const hmac = createHmac('sha256', qr.advSecret).update(signed).digest();
      const identity = proto.ADVSignedDeviceIdentityHMAC.encode({ details: signed, hmac }).finish();
      return {
        tag: 'iq',
        attrs: { from: 's.whatsapp.net', type: 'set', id: serverTag(), t: `${Math.floor(Date.now() / 1000)}` },
        content: [
          {
            tag: 'pair-success',
            attrs: {},
            content: [
              { tag: 'device-identity', attrs: {}, content: Buffer.from(identity) },
              { tag: 'platform', attrs: { name: 'smba' } },
              { tag: 'device', attrs: { jid: `${phoneNumber}:${deviceId}@s.whatsapp.net`, lid: `${lidUser}:${deviceId}@lid` } },
              { tag: 'biz', attrs: { name: 'Stand-in Shop' } },
            ],
          },
        ],
      };
    },
    verifyPairDeviceSign(reply, companionIdentity) {
      const sign = getBinaryNodeChild(reply, 'pair-device-sign');
      const identityNode = getBinaryNodeChild(sign, 'device-identity');
      if (!(identityNode?.content instanceof Uint8Array)) throw new Error('pair-device-sign carries no device-identity');
      const account = proto.ADVSignedDeviceIdentity.decode(identityNode.content);
      if (!account.details || !account.deviceSignature) throw new Error('device identity lacks details or device signature');
      const message = Buffer.concat([DEVICE_SIG_PREFIX, account.details, companionIdentity, accountKey.public]);
      if (!verifyXeddsa(companionIdentity, message, account.deviceSignature)) {
        throw new Error('companion device signature does not verify');
      }
    },
  };
};
