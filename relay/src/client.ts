// A minimal relay client for Node (tests, the bench, scripts): connects, answers the challenge, and hands frames
// to whoever waits for them. The device app has its own browser transport; this one speaks the same frames.
import WebSocket from 'ws';
import { parseFrame, RelayFrame, signChallenge, type ClientFrame, type DeviceIdentity } from '../../shared/relay/index';

type Welcome = Extract<RelayFrame, { t: 'welcome' }>;

export interface RelayClient {
  welcome: Welcome;
  send(frame: ClientFrame): void;
  /** The next frame matching `match` (frames that arrived earlier and were not taken count too). */
  next<T extends RelayFrame['t']>(t: T, timeoutMs?: number): Promise<Extract<RelayFrame, { t: T }>>;
  /** Every frame received so far and not taken by next(). */
  inbox: RelayFrame[];
  onFrame(handler: (frame: RelayFrame) => void): void;
  closed: Promise<{ code: number }>;
  close(): void;
}

export function connectRelay(
  url: string,
  identity: DeviceIdentity,
  options: { create?: boolean; timeoutMs?: number } = {},
): Promise<RelayClient> {
  const ws = new WebSocket(url);
  const inbox: RelayFrame[] = [];
  const waiters: { t: string; resolve: (f: RelayFrame) => void }[] = [];
  const handlers: ((f: RelayFrame) => void)[] = [];
  const closed = new Promise<{ code: number }>((ok) => ws.on('close', (code) => ok({ code })));

  ws.on('message', (data) => {
    const frame = parseFrame(RelayFrame, data.toString());
    if (!frame) return;
    for (const h of handlers) h(frame);
    const i = waiters.findIndex((w) => w.t === frame.t);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(frame);
    else if (handlers.length === 0) inbox.push(frame);
  });

  const next = <T extends RelayFrame['t']>(t: T, timeoutMs = options.timeoutMs ?? 5000): Promise<Extract<RelayFrame, { t: T }>> => {
    const i = inbox.findIndex((f) => f.t === t);
    if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as Extract<RelayFrame, { t: T }>);
    return new Promise((resolve, reject) => {
      const drop = (): boolean => {
        const at = waiters.indexOf(waiter);
        if (at < 0) return false;
        waiters.splice(at, 1);
        return true;
      };
      const timer = setTimeout(() => {
        if (drop()) reject(new Error(`no ${t} frame within ${timeoutMs} ms (inbox: ${inbox.map((f) => f.t).join(',')})`));
      }, timeoutMs);
      timer.unref();
      const waiter = {
        t,
        resolve: (f: RelayFrame) => {
          clearTimeout(timer);
          resolve(f as Extract<RelayFrame, { t: T }>);
        },
      };
      waiters.push(waiter);
      void closed.then(() => {
        if (drop()) {
          clearTimeout(timer);
          reject(
            new Error(`socket closed while waiting for ${t} (inbox: ${inbox.map((f) => (f.t === 'error' ? f.code : f.t)).join(',')})`),
          );
        }
      });
    });
  };

  const send = (frame: ClientFrame): void => ws.send(JSON.stringify(frame));

  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      send({ t: 'hello', v: 1, device: identity.deviceId, ...(options.create ? { create: true } : {}) });
      next('challenge')
        .then((challenge) => {
          send({ t: 'auth', sig: signChallenge(identity, challenge.nonce) });
          return next('welcome');
        })
        .then((welcome) =>
          resolve({
            welcome,
            send,
            next,
            inbox,
            onFrame: (h) => handlers.push(h),
            closed,
            close: () => ws.close(),
          }),
        )
        .catch(reject);
    });
  });
}
