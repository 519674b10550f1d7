import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictNode, failureNode, startStandin, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { trustStandin } from './harness';
import { accountStatus, createShop, linkThroughApp, startApp, until, type AppUnderTest } from './app-harness';

const SELLER = '213550000030';

/** Stage 3 through our session manager: its reactions to what the real socket reports. */
describe('stand-in with our app: reconnects, failure codes, restart with saved creds', () => {
  let standin: Standin;
  let app: AppUnderTest | null = null;

  beforeEach(async () => {
    standin = await startStandin();
    trustStandin(standin);
  });
  afterEach(async () => {
    await app?.cleanup();
    app = null;
    await standin.close();
  });

  const credsRows = (a: AppUnderTest, accountId: number): number =>
    (a.core.ctx.store.sqlite.prepare('SELECT COUNT(*) AS n FROM wa_auth_creds WHERE account_id = ?').get(accountId) as { n: number }).n;

  const linked = async (): Promise<{ a: AppUnderTest; accountId: number }> => {
    const a = await startApp(standin);
    app = a;
    const shop = await createShop(a);
    return { a, accountId: await linkThroughApp(a, standin, shop.id, SELLER) };
  };

  it('a dropped connection reconnects on the backoff schedule with the saved creds', async () => {
    const { a, accountId } = await linked();
    const loginsBefore = standin.connections.length;
    a.delays.length = 0;
    standin.connections.at(-1)!.drop();
    await until(() => standin.connections.length > loginsBefore && accountStatus(a, accountId) === 'connected', 'reconnected');
    // First retry after the policy's initial delay (2 s with no jitter at random = 0.5).
    expect(a.delays).toContain(2000);
    expect((await standin.connections.at(-1)!.handshake).payload.passive).toBe(true);
    // Drop it twice more without letting it settle: the delay grows.
    for (let i = 0; i < 2; i++) {
      const n = standin.connections.length;
      standin.connections.at(-1)!.drop();
      await until(() => standin.connections.length > n && accountStatus(a, accountId) === 'connected', `reconnect ${i + 2}`);
    }
    expect(a.delays.filter((d) => d < 60_000)).toEqual([2000, 3600, 6480]);
  });

  it('a server that goes silent past the keep-alive is left and reconnected', async () => {
    // Real silence: the stand-in stops answering (pings included) on an open TCP connection;
    // Baileys' keep-alive gives up after interval + 5 s (a 200 ms interval keeps the test short).
    const a = await startApp(standin, undefined, { keepAliveIntervalMs: 200 });
    app = a;
    const shop = await createShop(a);
    const accountId = await linkThroughApp(a, standin, shop.id, SELLER);
    const conn = standin.connections.at(-1)!;
    const n = standin.connections.length;
    a.delays.length = 0;
    conn.silence();
    await until(() => standin.connections.length > n && accountStatus(a, accountId) === 'connected', 'reconnected after silence', 12_000);
    expect(conn.isOpen).toBe(false); // the app's socket closed the dead link itself
    expect(a.delays).toContain(2000);
  }, 20_000);

  it('connection replaced (440) stops without reconnecting and alerts the seller', async () => {
    const { a, accountId } = await linked();
    const n = standin.connections.length;
    standin.connections.at(-1)!.send(conflictNode());
    await until(() => accountStatus(a, accountId) === 'error', 'stopped as error');
    await new Promise((r) => setTimeout(r, 300));
    expect(standin.connections.length).toBe(n);
    expect(a.notes).toContain('wa_needs_attention');
    expect(credsRows(a, accountId)).toBe(1);
  });

  it('forbidden (403) stops as banned and keeps the creds', async () => {
    const { a, accountId } = await linked();
    standin.connections.at(-1)!.send(failureNode(403));
    await until(() => accountStatus(a, accountId) === 'banned', 'banned');
    expect(a.notes).toContain('wa_needs_attention');
    expect(credsRows(a, accountId)).toBe(1);
  });

  it('unlinked on the phone: the next login fails 401, the app clears creds and asks to re-link', async () => {
    const { a, accountId } = await linked();
    const device = [...standin.world.linked.values()][0]!;
    standin.unlink(device);
    standin.connections.at(-1)!.drop();
    await until(() => accountStatus(a, accountId) === 'logged_out', 'logged out');
    expect(credsRows(a, accountId)).toBe(0);
    expect(a.notes).toContain('wa_needs_attention');
    const failure = standin.connections.at(-1)!.log.find((r) => r.dir === 'out' && r.node.tag === 'failure');
    expect(failure?.node.attrs.reason).toBe('401');
  });

  it('creds survive an app restart: the second start reaches open without a QR', async () => {
    const { a, accountId } = await linked();
    const dataDir = a.dataDir;
    await a.core.close();
    app = null;
    const n = standin.connections.length;
    const again = await startApp(standin, dataDir);
    app = again;
    await until(() => accountStatus(again, accountId) === 'connected', 'connected after restart');
    expect(again.rawQrs).toEqual([]);
    expect(again.events.some((e) => e.name === 'wa/qr')).toBe(false);
    const login = standin.connections[n]!;
    expect((await login.handshake).payload.passive).toBe(true);
  });
});
