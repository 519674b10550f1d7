import { decodeBinaryNode, encodeBinaryNode, proto, type BinaryNode } from '@whiskeysockets/baileys';
import type { WebSocket } from 'ws';
import { makeServerHandshake, type ClientFinish, type TransportCipher } from './noise-server';
import type { CertAuthority } from './cert-chain';

/**
 * One client connection at the byte level: strips the intro header (optional `ED` routing prefix,
 * then `WA 06 03`), splits 3-byte-length frames, runs the Noise handshake and then speaks binary
 * nodes. Everything that crosses the socket is counted, so tests can prove frames were real.
 */

export interface WireStats {
  /** WebSocket messages received from the client. */
  messagesIn: number;
  /** WebSocket messages sent to the client. */
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
}

export interface Wire {
  readonly stats: WireStats;
  /** The `ED` routing bytes the client prefixed, if any. */
  readonly routingInfo: Buffer | null;
  sendNode(node: BinaryNode): void;
  close(): void;
}

export interface WireEvents {
  onHandshake(finish: Omit<ClientFinish, 'transport'>): void;
  onNode(node: BinaryNode): void;
  onError(error: Error): void;
}

const NOISE_HEADER_LENGTH = 4;

export const makeWire = (ws: WebSocket, authority: CertAuthority, events: WireEvents): Wire => {
  const stats: WireStats = { messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };
  let inBytes = Buffer.alloc(0);
  let header: Buffer | null = null;
  let routingInfo: Buffer | null = null;
  let handshake: ReturnType<typeof makeServerHandshake> | null = null;
  let transport: TransportCipher | null = null;
  // Node decoding is async (zlib); a chain keeps frames in arrival order.
  let decodeChain: Promise<void> = Promise.resolve();

  const writeFrame = (payload: Uint8Array): void => {
    const frame = Buffer.alloc(3 + payload.length);
    frame.writeUIntBE(payload.length, 0, 3);
    frame.set(payload, 3);
    if (ws.readyState !== ws.OPEN) return;
    stats.messagesOut++;
    stats.bytesOut += frame.length;
    ws.send(frame);
  };

  const readIntro = (): boolean => {
    if (inBytes.length >= 2 && inBytes.subarray(0, 2).toString('latin1') === 'ED') {
      if (inBytes.length < 7) return false;
      const len = inBytes.readUIntBE(4, 3);
      if (inBytes.length < 7 + len) return false;
      routingInfo = Buffer.from(inBytes.subarray(7, 7 + len));
      inBytes = inBytes.subarray(7 + len);
    }
    if (inBytes.length < NOISE_HEADER_LENGTH) return false;
    header = Buffer.from(inBytes.subarray(0, NOISE_HEADER_LENGTH));
    if (header.subarray(0, 2).toString('latin1') !== 'WA') throw new Error(`bad intro header ${header.toString('hex')}`);
    inBytes = inBytes.subarray(NOISE_HEADER_LENGTH);
    handshake = makeServerHandshake({ header, serverStatic: authority.serverStatic, certChain: authority.certChain });
    return true;
  };

  const onFrame = (frame: Buffer): void => {
    if (transport) {
      const plain = transport.decrypt(frame);
      decodeChain = decodeChain.then(async () => events.onNode(await decodeBinaryNode(plain)));
      decodeChain = decodeChain.catch((error: unknown) => events.onError(toError(error)));
      return;
    }
    if (!handshake) throw new Error('frame before intro');
    const message = proto.HandshakeMessage.decode(frame);
    if (message.clientHello?.ephemeral) {
      writeFrame(handshake.serverHello(message.clientHello.ephemeral));
      return;
    }
    const finish = handshake.clientFinish(frame);
    transport = finish.transport;
    events.onHandshake({ clientStatic: finish.clientStatic, payload: finish.payload });
  };

  ws.on('message', (data: Buffer) => {
    stats.messagesIn++;
    stats.bytesIn += data.length;
    inBytes = inBytes.length ? Buffer.concat([inBytes, data]) : Buffer.from(data);
    try {
      if (!header && !readIntro()) return;
      while (inBytes.length >= 3) {
        const size = inBytes.readUIntBE(0, 3);
        if (inBytes.length < size + 3) return;
        const frame = Buffer.from(inBytes.subarray(3, size + 3));
        inBytes = inBytes.subarray(size + 3);
        onFrame(frame);
      }
    } catch (error) {
      events.onError(toError(error));
      ws.terminate();
    }
  });

  return {
    stats,
    get routingInfo() {
      return routingInfo;
    },
    sendNode(node) {
      if (!transport) throw new Error('sendNode before the handshake finished');
      writeFrame(transport.encrypt(encodeBinaryNode(node)));
    },
    close() {
      ws.terminate();
    },
  };
};

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
