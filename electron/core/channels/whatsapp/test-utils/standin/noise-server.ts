import { createCipheriv, createDecipheriv, createHash, hkdfSync } from 'node:crypto';
import { Curve, NOISE_MODE, proto } from '@whiskeysockets/baileys';

/**
 * The server half of WhatsApp's Noise XX handshake, written independently of Baileys' client half
 * (lib/Utils/noise-handler.js) so that a real socket completing it proves both sides agree.
 * Only X25519 comes from Baileys (libsignal's curve); hashing, HKDF and AES-GCM are Node's own.
 */

export interface KeyPair {
  public: Uint8Array;
  private: Uint8Array;
}

export interface TransportCipher {
  /** Encrypts one server→client frame payload. */
  encrypt(plaintext: Uint8Array): Buffer;
  /** Decrypts one client→server frame payload; throws on a bad tag. */
  decrypt(ciphertext: Uint8Array): Buffer;
}

export interface ClientFinish {
  /** The client's static noise key: the same key a QR carries. */
  clientStatic: Buffer;
  payload: proto.ClientPayload;
  transport: TransportCipher;
}

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();

const ivFor = (counter: number): Buffer => {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(counter, 8);
  return iv;
};

const gcmEncrypt = (key: Uint8Array, counter: number, plaintext: Uint8Array, aad: Uint8Array): Buffer => {
  const cipher = createCipheriv('aes-256-gcm', key, ivFor(counter));
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
};

const gcmDecrypt = (key: Uint8Array, counter: number, ciphertext: Uint8Array, aad: Uint8Array): Buffer => {
  const body = ciphertext.subarray(0, ciphertext.length - 16);
  const tag = ciphertext.subarray(ciphertext.length - 16);
  const decipher = createDecipheriv('aes-256-gcm', key, ivFor(counter));
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
};

const hkdf64 = (input: Uint8Array, salt: Uint8Array): [Buffer, Buffer] => {
  const out = Buffer.from(hkdfSync('sha256', input, salt, Buffer.alloc(0), 64));
  return [out.subarray(0, 32), out.subarray(32)];
};

/** One counter per direction, starting at 0, empty AAD: the transport phase after the split. */
const makeTransport = (readKey: Buffer, writeKey: Buffer): TransportCipher => {
  let readCounter = 0;
  let writeCounter = 0;
  return {
    encrypt: (plaintext) => gcmEncrypt(writeKey, writeCounter++, plaintext, Buffer.alloc(0)),
    decrypt: (ciphertext) => gcmDecrypt(readKey, readCounter++, ciphertext, Buffer.alloc(0)),
  };
};

export interface ServerHandshake {
  /** Builds the serverHello answering the client's ephemeral key. Call once. */
  serverHello(clientEphemeral: Uint8Array): Buffer;
  /** Consumes clientFinish and returns the client's identity and the transport cipher. */
  clientFinish(message: Uint8Array): ClientFinish;
}

export interface ServerHandshakeConfig {
  /** The WA intro header the client sent (`57 41 06 03`); part of the transcript hash. */
  header: Uint8Array;
  /** The stand-in server's static Noise key pair (the client checks it against the certificate chain). */
  serverStatic: KeyPair;
  /** Encoded CertChain sent as the serverHello payload. */
  certChain: Uint8Array;
}

export const makeServerHandshake = ({ header, serverStatic, certChain }: ServerHandshakeConfig): ServerHandshake => {
  const mode = Buffer.from(NOISE_MODE);
  // A 32-byte protocol name is used raw, as Noise specifies (and as the client does).
  let hash: Buffer = mode.length === 32 ? mode : sha256(mode);
  let chainKey: Buffer = hash;
  let key: Buffer = hash;
  let counter = 0;
  const ephemeral: KeyPair = Curve.generateKeyPair();
  let clientEphemeral: Uint8Array | null = null;

  const mixHash = (data: Uint8Array): void => {
    hash = sha256(Buffer.concat([hash, data]));
  };
  const mixKey = (input: Uint8Array): void => {
    [chainKey, key] = hkdf64(input, chainKey);
    counter = 0;
  };
  const encryptAndHash = (plaintext: Uint8Array): Buffer => {
    const out = gcmEncrypt(key, counter++, plaintext, hash);
    mixHash(out);
    return out;
  };
  const decryptAndHash = (ciphertext: Uint8Array): Buffer => {
    const out = gcmDecrypt(key, counter++, ciphertext, hash);
    mixHash(ciphertext);
    return out;
  };

  mixHash(header);

  return {
    serverHello(clientEph) {
      if (clientEphemeral) throw new Error('serverHello already built');
      clientEphemeral = clientEph;
      mixHash(clientEph);
      mixHash(ephemeral.public);
      mixKey(Curve.sharedKey(ephemeral.private, clientEph));
      const encStatic = encryptAndHash(serverStatic.public);
      mixKey(Curve.sharedKey(serverStatic.private, clientEph));
      const encPayload = encryptAndHash(certChain);
      return Buffer.from(
        proto.HandshakeMessage.encode({
          serverHello: { ephemeral: ephemeral.public, static: encStatic, payload: encPayload },
        }).finish(),
      );
    },
    clientFinish(message) {
      if (!clientEphemeral) throw new Error('clientFinish before serverHello');
      const { clientFinish } = proto.HandshakeMessage.decode(message);
      if (!clientFinish?.static || !clientFinish.payload) throw new Error('handshake message is not a clientFinish');
      const clientStatic = decryptAndHash(clientFinish.static);
      mixKey(Curve.sharedKey(ephemeral.private, clientStatic));
      const payload = proto.ClientPayload.decode(decryptAndHash(clientFinish.payload));
      const [clientToServer, serverToClient] = hkdf64(Buffer.alloc(0), chainKey);
      return { clientStatic, payload, transport: makeTransport(clientToServer, serverToClient) };
    },
  };
};
