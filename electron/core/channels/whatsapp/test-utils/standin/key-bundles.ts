import { getBinaryNodeChild, getBinaryNodeChildBuffer, getBinaryNodeChildren, type BinaryNode } from '@whiskeysockets/baileys';

/**
 * The server's pre-key directory: what each device uploaded (`<iq xmlns="encrypt" type="set">`)
 * and what a peer fetching a session gets back (one-time pre-keys are handed out once, as on
 * WhatsApp's servers).
 */
export interface SignedPreKey {
  keyId: number;
  publicKey: Buffer;
  signature: Buffer;
}

export interface KeyBundle {
  registrationId: number;
  identityKey: Buffer;
  signedPreKey: SignedPreKey;
  preKeys: Map<number, Buffer>;
}

/** What a peer receives for one device: a bundle with at most one one-time pre-key. */
export interface FetchedBundle {
  registrationId: number;
  identityKey: Buffer;
  signedPreKey: SignedPreKey;
  preKey: { keyId: number; publicKey: Buffer } | null;
}

const uint = (buf: Uint8Array | undefined, what: string): number => {
  if (!buf || buf.length === 0 || buf.length > 4) throw new Error(`bad ${what}`);
  return Buffer.from(buf).readUIntBE(0, buf.length);
};

const need = (buf: Uint8Array | undefined, what: string, length?: number): Buffer => {
  if (!buf || (length !== undefined && buf.length !== length)) throw new Error(`bad ${what}`);
  return Buffer.from(buf);
};

/** Parses a pre-key upload iq; throws on a malformed one, as the real server refuses it. */
export const parseKeyUpload = (iq: BinaryNode): KeyBundle => {
  const skey = getBinaryNodeChild(iq, 'skey');
  if (!skey) throw new Error('upload without skey');
  const preKeys = new Map<number, Buffer>();
  for (const key of getBinaryNodeChildren(getBinaryNodeChild(iq, 'list'), 'key')) {
    preKeys.set(uint(getBinaryNodeChildBuffer(key, 'id'), 'pre-key id'), need(getBinaryNodeChildBuffer(key, 'value'), 'pre-key', 32));
  }
  return {
    registrationId: uint(getBinaryNodeChildBuffer(iq, 'registration'), 'registration id'),
    identityKey: need(getBinaryNodeChildBuffer(iq, 'identity'), 'identity', 32),
    signedPreKey: {
      keyId: uint(getBinaryNodeChildBuffer(skey, 'id'), 'signed pre-key id'),
      publicKey: need(getBinaryNodeChildBuffer(skey, 'value'), 'signed pre-key', 32),
      signature: need(getBinaryNodeChildBuffer(skey, 'signature'), 'signed pre-key signature', 64),
    },
    preKeys,
  };
};

/** Merges a new upload into what the device already had on the server. */
export const mergeUpload = (existing: KeyBundle | undefined, upload: KeyBundle): KeyBundle => ({
  ...upload,
  preKeys: new Map([...(existing?.preKeys ?? []), ...upload.preKeys]),
});

/** Takes the lowest one-time pre-key out of the bundle (it is used up) and returns what a peer gets. */
export const takeBundle = (bundle: KeyBundle): FetchedBundle => {
  const first = [...bundle.preKeys.keys()].sort((a, b) => a - b)[0];
  let preKey: FetchedBundle['preKey'] = null;
  if (first !== undefined) {
    preKey = { keyId: first, publicKey: bundle.preKeys.get(first)! };
    bundle.preKeys.delete(first);
  }
  return { registrationId: bundle.registrationId, identityKey: bundle.identityKey, signedPreKey: bundle.signedPreKey, preKey };
};

const be = (value: number, bytes: number): Buffer => {
  const buf = Buffer.alloc(bytes);
  buf.writeUIntBE(value, 0, bytes);
  return buf;
};

/** The `<user>` node of an `encrypt`/`key` answer, as lib/Utils/signal.js parseAndInjectE2ESessions reads it. */
export const bundleUserNode = (jid: string, fetched: FetchedBundle): BinaryNode => ({
  tag: 'user',
  attrs: { jid },
  content: [
    { tag: 'registration', attrs: {}, content: be(fetched.registrationId, 4) },
    { tag: 'type', attrs: {}, content: Buffer.from([5]) },
    { tag: 'identity', attrs: {}, content: fetched.identityKey },
    {
      tag: 'skey',
      attrs: {},
      content: [
        { tag: 'id', attrs: {}, content: be(fetched.signedPreKey.keyId, 3) },
        { tag: 'value', attrs: {}, content: fetched.signedPreKey.publicKey },
        { tag: 'signature', attrs: {}, content: fetched.signedPreKey.signature },
      ],
    },
    ...(fetched.preKey
      ? [
          {
            tag: 'key',
            attrs: {},
            content: [
              { tag: 'id', attrs: {}, content: be(fetched.preKey.keyId, 3) },
              { tag: 'value', attrs: {}, content: fetched.preKey.publicKey },
            ],
          },
        ]
      : []),
  ],
});
