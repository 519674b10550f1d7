import {
  type ClientFrame,
  ClientFrame as ClientFrameSchema,
  type RelayFrame,
  parseFrame,
  toB64u,
  verifyChallenge,
} from '../../../shared/relay/index';
import type { RelaySocket } from '../../../shared/sync/relay-client';

/**
 * An in-memory stand-in for the relay's side of one WebSocket: it runs the signed-challenge
 * handshake for real (verifyChallenge) and records every frame the desktop sends, so a unit test
 * can play the device and the relay without a network.
 */
export function makeFakeRelay(
  opts: { members?: () => { device: string; role: 'desktop' | 'device'; online: boolean; lastSeen: number | null }[] } = {},
) {
  const sent: ClientFrame[] = [];
  const sockets: FakeSocket[] = [];
  let claimed = '';
  class FakeSocket implements RelaySocket {
    onopen: ((e: unknown) => void) | null = null;
    onclose: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onmessage: ((e: { data: unknown }) => void) | null = null;
    readyState = 0;
    private nonce = toB64u(crypto.getRandomValues(new Uint8Array(32)));
    constructor(readonly url: string) {
      sockets.push(this);
      queueMicrotask(() => {
        this.readyState = 1;
        this.onopen?.({});
      });
    }
    push(frame: RelayFrame): void {
      this.onmessage?.({ data: JSON.stringify(frame) });
    }
    send(data: string): void {
      const frame = parseFrame(ClientFrameSchema, data);
      if (!frame) throw new Error(`the desktop sent a malformed frame: ${data}`);
      sent.push(frame);
      if (frame.t === 'hello') {
        claimed = frame.device;
        this.push({ t: 'challenge', nonce: this.nonce });
      } else if (frame.t === 'auth') {
        if (!verifyChallenge(claimed, this.nonce, frame.sig)) throw new Error('the desktop signed the challenge wrong');
        this.push({ t: 'welcome', role: 'desktop', group: 'g1', members: opts.members?.() ?? [], mailbox: 0 });
      }
    }
    close(): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.onclose?.({});
    }
  }
  return {
    Socket: FakeSocket,
    sent,
    /** The open socket (the latest one). */
    get socket(): FakeSocket {
      const s = sockets.at(-1);
      if (!s) throw new Error('the desktop never connected');
      return s;
    },
    sockets,
    of: <T extends ClientFrame['t']>(t: T) => sent.filter((f): f is Extract<ClientFrame, { t: T }> => f.t === t),
  };
}
