import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../shared/contract';
import type { Shop } from '../../../../shared/domain/schemas';
import type { WaAccountView } from '../../../../shared/domain/whatsapp';
import { call, makeTempCore } from '../../test-utils/temp-core';
import { closeError, makeFakeSocketFactory, makeManualTime } from './test-utils/fake-socket';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(currency = 'DZD') {
  const time = makeManualTime();
  const sockets = makeFakeSocketFactory();
  const temp = await makeTempCore({
    clock: time.clock,
    notifier: { notify: () => {} },
    whatsapp: { socketFactory: sockets.factory, timers: time.timers, random: () => 0.5 },
  });
  const events: EventMessage[] = [];
  temp.core.bus.subscribe((e) => events.push(e));
  cleanups.push(() => temp.core.close());
  const shop = await call<Shop>(temp.core, 'shops/create', { name: 'Boutique', currency });
  const overview = () => call<WaAccountView[]>(temp.core, 'wa/get-overview', { shopId: shop.id });
  return { ...temp, time, sockets, events, shop, overview };
}

const tick = () => new Promise((r) => setTimeout(r, 10));
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
/** What Baileys reports when the socket cannot open (getCodeFromWSError maps errno codes to 408). */
const refused = () =>
  Object.assign(new Error('WebSocket Error (connect ECONNREFUSED 127.0.0.1:9)'), {
    output: { statusCode: 408 },
    data: { code: 'ECONNREFUSED' },
  });

describe('linking failures: each said for what it is, retried on the same card', () => {
  it('no network: "could not reach WhatsApp", and linking again reuses the card', async () => {
    const t = await setup();
    const { accountId } = await call<{ accountId: number }>(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'qr' });
    t.sockets.last().end(refused());
    await tick();
    expect((await t.overview()).map((a) => [a.accountId, a.status, a.detail?.code])).toEqual([[accountId, 'disconnected', 'no_network']]);
    const again = await call<{ accountId: number }>(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'qr' });
    expect(again.accountId).toBe(accountId);
    t.sockets.last().end(refused());
    await tick();
    expect(await t.overview()).toHaveLength(1);
  });

  it('a code that was shown and ran out is "expired"; a close before any code is the network', async () => {
    const t = await setup();
    const { accountId } = await call<{ accountId: number }>(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'qr' });
    t.sockets.last().qr('ref-1');
    await until(() => t.events.some((e) => e.name === 'wa/qr'), 'QR shown');
    t.sockets.last().close(DisconnectReason.timedOut); // QR refs attempts ended
    await tick();
    expect((await t.overview())[0]?.detail?.code).toBe('link_expired');
    // The linking window closing with no code ever shown: WhatsApp never answered.
    await call(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'qr', accountId });
    t.time.advance(3 * 60_000 + 1);
    await tick();
    expect((await t.overview())[0]?.detail?.code).toBe('no_network');
  });

  it('a refusal after the code was shown is "phone refused"; WhatsApp refusing the pairing number too', async () => {
    const t = await setup();
    await call(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'qr' });
    t.sockets.last().qr('ref-1');
    await until(() => t.events.some((e) => e.name === 'wa/qr'), 'QR shown');
    t.sockets.last().end(closeError(DisconnectReason.connectionClosed));
    await tick();
    expect((await t.overview())[0]?.detail?.code).toBe('phone_refused');
  });

  it('a phone typed the local way gets the shop country code before the pairing request', async () => {
    const t = await setup('DZD');
    await call(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'pairing-code', phone: '0550 12 34 56' });
    t.sockets.last().qr('ref-1');
    await tick();
    expect(t.sockets.last().pairingPhone).toBe('213550123456');
  });

  it('a local number in a shop whose currency names no country is refused before any request', async () => {
    const t = await setup('EUR');
    await expect(call(t.core, 'wa/start-link', { shopId: t.shop.id, method: 'pairing-code', phone: '06 12 34 56 78' })).rejects.toThrow(
      /invalid_input/,
    );
    expect(t.sockets.sockets).toHaveLength(0);
  });
});
