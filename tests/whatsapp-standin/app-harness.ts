import { makeWASocket, type UserFacingSocketConfig, type WASocket } from '@whiskeysockets/baileys';
import type { EventMessage } from '../../shared/contract';
import type { Timers } from '../../electron/core/channels/whatsapp/timers';
import type { Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { call, makeTempCore } from '../../electron/core/test-utils/temp-core';
import type { CoreConfig } from '../../electron/core/create-core';
import type { Shop } from '../../shared/domain/schemas';

/**
 * Our whole app (core: session manager, SQLite auth store, pipeline) on a real Baileys socket
 * pointed at the stand-in. The socket factory is the production one plus a listener that keeps
 * the raw QR string, which the stand-in's "phone" scans (the app itself only shows a PNG).
 */
export interface AppUnderTest {
  core: Awaited<ReturnType<typeof makeTempCore>>['core'];
  dataDir: string;
  cleanup(): Promise<void>;
  events: EventMessage[];
  notes: string[];
  rawQrs: string[];
  sockets: WASocket[];
  /** Every delay the session asked its timers for, in order (reconnect schedule, watchdog). */
  delays: number[];
}

/** Reconnect delays are recorded and then compressed to a few ms so a test sees the schedule fast. */
const recordingTimers = (delays: number[]): Timers => ({
  setTimeout: (fn, ms) => {
    delays.push(ms);
    const handle = setTimeout(fn, ms < 60_000 ? Math.min(ms, 25) : ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

export const startApp = async (
  standin: Standin,
  dataDir?: string,
  socketConfig: Partial<UserFacingSocketConfig> = {},
  /** More core config (a media fetcher, the sales brain); its `whatsapp` keys are added to ours. */
  more: Partial<CoreConfig> = {},
): Promise<AppUnderTest> => {
  const events: EventMessage[] = [];
  const notes: string[] = [];
  const rawQrs: string[] = [];
  const sockets: WASocket[] = [];
  const delays: number[] = [];
  const temp = await makeTempCore({
    ...more,
    ...(dataDir ? { dataDir } : {}),
    notifier: { notify: (notice) => notes.push(notice.code) },
    whatsapp: {
      socketConfig: { waWebSocketUrl: standin.url, ...socketConfig },
      socketFactory: (config) => {
        const sock = makeWASocket(config);
        sock.ev.on('connection.update', (u) => {
          if (u.qr) rawQrs.push(u.qr);
        });
        sockets.push(sock);
        return sock;
      },
      timers: recordingTimers(delays),
      random: () => 0.5,
      ...more.whatsapp,
    },
  });
  temp.core.bus.subscribe((e) => events.push(e));
  return { ...temp, events, notes, rawQrs, sockets, delays };
};

export const until = async (check: () => boolean, what = 'condition', timeoutMs = 8_000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export const createShop = (app: AppUnderTest): Promise<Shop> =>
  call<Shop>(app.core, 'shops/create', { name: 'Boutique Amina', currency: 'DZD' });

export const accountStatus = (app: AppUnderTest, accountId: number): string =>
  (app.core.ctx.store.sqlite.prepare('SELECT status FROM accounts WHERE id = ?').get(accountId) as { status: string }).status;

/** Links a number through the app's own Connect flow (wa/start-link) and the stand-in's phone. */
export const linkThroughApp = async (app: AppUnderTest, standin: Standin, shopId: number, sellerPhone: string): Promise<number> => {
  const { accountId } = await call<{ accountId: number }>(app.core, 'wa/start-link', { shopId, method: 'qr', label: 'Boutique' });
  await until(() => app.rawQrs.length > 0 && app.events.some((e) => e.name === 'wa/qr'), 'QR on the Connect screen');
  await standin.link(app.rawQrs.at(-1)!, sellerPhone);
  await until(() => accountStatus(app, accountId) === 'connected', 'connected after the 515 restart');
  return accountId;
};
