import { randomInt } from 'node:crypto';
import { encodeWAMessage, proto, unpadRandomMax16 } from '@whiskeysockets/baileys';
import { ProtocolAddress, SessionBuilder, SessionCipher, SessionRecord, type SignalStorage } from 'libsignal';
import * as curve from 'libsignal/src/curve.js';
import type { FetchedBundle, KeyBundle } from './key-bundles';

/**
 * A customer's phone (device 0) as a real Signal endpoint built on `libsignal`: it owns an
 * identity, a signed pre-key and one-time pre-keys, builds sessions from bundles the stand-in
 * hands out, and keeps the chat as WhatsApp shows it — one bubble per message id.
 */

export interface ChatBubble {
  id: string;
  fromMe: boolean;
  text: string;
  at: number;
  /** The decrypted message, for bubbles the customer received (an image's keys and path). */
  message?: proto.IMessage;
}

export interface PeerDevice {
  user: string;
  device: number;
}

export interface CustomerDevice {
  readonly phoneNumber: string;
  readonly jid: string;
  /** The customer's LID user (WhatsApp's privacy id), which modern clients address sessions by. */
  readonly lidUser: string;
  readonly lid: string;
  /** What this device uploaded to the server. */
  readonly bundle: KeyBundle;
  /** The chat with each peer user, in order, one bubble per message id. */
  chat(peerUser: string): ChatBubble[];
  /** Every delivery that reached this device, duplicates included. */
  readonly deliveries: { id: string; from: string }[];
  /** Receipts the seller's devices sent for this customer's messages (`type` '' = delivered). */
  readonly receipts: { id: string; type: string }[];
  hasSession(peer: PeerDevice): Promise<boolean>;
  /** Encrypts for one peer device, building the session from `fetchBundle()` when there is none. */
  encrypt(
    peer: PeerDevice,
    message: proto.IMessage,
    fetchBundle: () => FetchedBundle | null,
  ): Promise<{ type: 'pkmsg' | 'msg'; ciphertext: Buffer }>;
  decrypt(peer: PeerDevice, type: string, ciphertext: Uint8Array): Promise<proto.Message>;
  /** Records a bubble; a second delivery of the same id changes nothing (returns false). */
  record(peerUser: string, bubble: ChatBubble): boolean;
}

interface SignalKeyPair {
  pubKey: Buffer;
  privKey: Buffer;
}

const toPair = (pair: { pubKey: Uint8Array; privKey: Uint8Array }): SignalKeyPair => ({
  pubKey: Buffer.from(pair.pubKey),
  privKey: Buffer.from(pair.privKey),
});

/** Strips libsignal's 0x05 key-type byte: WhatsApp's servers store 32-byte keys. */
const raw = (key: Buffer): Buffer => (key.length === 33 ? key.subarray(1) : key);
const typed = (key: Uint8Array): Buffer => (key.length === 33 ? Buffer.from(key) : Buffer.concat([Buffer.from([5]), key]));

export const makeCustomerDevice = (phoneNumber: string, lidUser: string, preKeyCount = 10): CustomerDevice => {
  const identity = toPair(curve.generateKeyPair());
  const registrationId = randomInt(1, 16380);
  const signedPreKey = { keyId: 1, pair: toPair(curve.generateKeyPair()), signature: Buffer.alloc(0) };
  signedPreKey.signature = Buffer.from(curve.calculateSignature(identity.privKey, signedPreKey.pair.pubKey));
  const preKeys = new Map<number, SignalKeyPair>();
  for (let id = 1; id <= preKeyCount; id++) preKeys.set(id, toPair(curve.generateKeyPair()));
  const sessions = new Map<string, Uint8Array>();
  const chats = new Map<string, ChatBubble[]>();
  const deliveries: { id: string; from: string }[] = [];
  const receipts: { id: string; type: string }[] = [];

  const storage: SignalStorage = {
    loadSession: async (id) => {
      const stored = sessions.get(id);
      return stored ? SessionRecord.deserialize(stored) : undefined;
    },
    storeSession: async (id, session) => {
      sessions.set(id, session.serialize());
    },
    // Trust on first use, as WhatsApp clients do.
    isTrustedIdentity: () => true,
    loadPreKey: async (id) => preKeys.get(Number(id)),
    removePreKey: (id) => {
      preKeys.delete(id);
    },
    loadSignedPreKey: () => signedPreKey.pair,
    getOurRegistrationId: () => registrationId,
    getOurIdentity: () => identity,
  };

  const address = (peer: PeerDevice): ProtocolAddress => new ProtocolAddress(peer.user, peer.device);

  return {
    phoneNumber,
    jid: `${phoneNumber}@s.whatsapp.net`,
    lidUser,
    lid: `${lidUser}@lid`,
    bundle: {
      registrationId,
      identityKey: raw(identity.pubKey),
      signedPreKey: { keyId: signedPreKey.keyId, publicKey: raw(signedPreKey.pair.pubKey), signature: signedPreKey.signature },
      preKeys: new Map([...preKeys].map(([id, pair]) => [id, raw(pair.pubKey)])),
    },
    deliveries,
    receipts,
    chat: (peerUser) => [...(chats.get(peerUser) ?? [])],
    async hasSession(peer) {
      const record = await storage.loadSession(address(peer).toString());
      return !!record?.haveOpenSession();
    },
    async encrypt(peer, message, fetchBundle) {
      if (!(await this.hasSession(peer))) {
        const fetched = fetchBundle();
        if (!fetched) throw new Error(`no key bundle for ${peer.user}:${peer.device}`);
        await new SessionBuilder(storage, address(peer)).initOutgoing({
          registrationId: fetched.registrationId,
          identityKey: typed(fetched.identityKey),
          signedPreKey: {
            keyId: fetched.signedPreKey.keyId,
            publicKey: typed(fetched.signedPreKey.publicKey),
            signature: fetched.signedPreKey.signature,
          },
          // libsignal's typing wants a pre-key; it handles an absent one at run time.
          preKey: fetched.preKey
            ? { keyId: fetched.preKey.keyId, publicKey: typed(fetched.preKey.publicKey) }
            : (undefined as unknown as { keyId: number; publicKey: Uint8Array }),
        });
      }
      const { type, body } = await new SessionCipher(storage, address(peer)).encrypt(encodeWAMessage(message));
      return { type: type === 3 ? 'pkmsg' : 'msg', ciphertext: Buffer.from(body, 'binary') };
    },
    async decrypt(peer, type, ciphertext) {
      const cipher = new SessionCipher(storage, address(peer));
      const padded =
        type === 'pkmsg' ? await cipher.decryptPreKeyWhisperMessage(ciphertext) : await cipher.decryptWhisperMessage(ciphertext);
      return proto.Message.decode(unpadRandomMax16(padded));
    },
    record(peerUser, bubble) {
      const chat = chats.get(peerUser) ?? [];
      chats.set(peerUser, chat);
      if (chat.some((b) => b.id === bubble.id)) return false;
      chat.push(bubble);
      return true;
    },
  };
};

/** The text a message shows, whichever of the common text shapes it uses. */
export const messageText = (message: proto.IMessage): string =>
  message.conversation ?? message.extendedTextMessage?.text ?? message.imageMessage?.caption ?? '';
