import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../../shared/contract/events';
import type { WaAccountView } from '../../../../shared/domain/whatsapp';
import type { Client } from '../../api/client';
import { createConnectStore, wireConnectEvents } from './connect-store';

const view = (over: Partial<WaAccountView> = {}): WaAccountView => ({
  accountId: 7,
  shopId: 1,
  label: 'WhatsApp',
  phone: null,
  status: 'connecting',
  detail: null,
  linkedAt: null,
  lastConnectedAt: null,
  disconnectedSince: null,
  decryptFailures: 0,
  today: { received: 0, sent: 0 },
  ramp: null,
  ...over,
});

/** A client double: answers calls from a table and lets the test push events. */
function fakeClient() {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let accounts: WaAccountView[] = [];
  const client = {
    async send(name: string, input: unknown) {
      calls.push([name, input]);
      if (name === 'wa/get-overview') return accounts;
      if (name === 'wa/start-link') {
        accounts = [view()];
        return { accountId: 7 };
      }
      if (name === 'wa/cancel-link') {
        accounts = [];
        return { cancelled: true };
      }
      throw new Error(`unexpected ${name}`);
    },
    subscribe(name: string, listener: (p: unknown) => void) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onConnection: () => () => {},
  } as unknown as Client;
  const push = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    for (const l of listeners.get(name) ?? []) l(payload);
  };
  return { client, calls, push, setAccounts: (a: WaAccountView[]) => (accounts = a) };
}

describe('connect store', () => {
  it('links by QR: shows the pushed QR, then clears linking once the number connects', async () => {
    const fake = fakeClient();
    const store = createConnectStore({ client: fake.client });
    const off = wireConnectEvents(fake.client, store);
    store.getState().setShop(1);
    await store.getState().linkStart('qr', null);
    expect(fake.calls.find(([n]) => n === 'wa/start-link')?.[1]).toEqual({ shopId: 1, method: 'qr' });
    fake.push('wa/qr', { shopId: 1, accountId: 7, dataUrl: 'data:image/png;base64,AAA', expiresAt: '2026-11-23T10:03:00Z' });
    expect(store.getState().linking?.qr?.dataUrl).toBe('data:image/png;base64,AAA');
    fake.push('wa/qr', { shopId: 2, accountId: 7, dataUrl: 'data:other', expiresAt: '2026-11-23T10:03:00Z' });
    expect(store.getState().linking?.qr?.dataUrl).toBe('data:image/png;base64,AAA');
    fake.setAccounts([view({ status: 'connected', phone: '+213555000111', linkedAt: '2026-11-23T10:01:00Z' })]);
    fake.push('accounts/status', { shopId: 1, accountId: 7, status: 'connected', detail: null });
    expect(store.getState().linking).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().accounts?.[0]?.phone).toBe('+213555000111');
    off();
  });

  it('sends the phone for a pairing code, shows the code, and cancel asks core to forget the attempt', async () => {
    const fake = fakeClient();
    const store = createConnectStore({ client: fake.client });
    wireConnectEvents(fake.client, store);
    store.getState().setShop(1);
    await store.getState().linkStart('pairing-code', '+213 555 00 01 11');
    expect(fake.calls.find(([n]) => n === 'wa/start-link')?.[1]).toEqual({ shopId: 1, method: 'pairing-code', phone: '+213 555 00 01 11' });
    fake.push('wa/pairing-code', { shopId: 1, accountId: 7, code: 'K7QD4XWP', expiresAt: '2026-11-23T10:03:00Z' });
    expect(store.getState().linking?.pairing?.code).toBe('K7QD4XWP');
    await store.getState().linkCancel();
    expect(fake.calls.some(([n, i]) => n === 'wa/cancel-link' && JSON.stringify(i) === JSON.stringify({ shopId: 1, accountId: 7 }))).toBe(
      true,
    );
    expect(store.getState().linking).toBeNull();
    expect(store.getState().accounts).toEqual([]);
  });

  it('shows a failed call in plain words', async () => {
    const fake = fakeClient();
    const store = createConnectStore({ client: fake.client });
    store.getState().setShop(1);
    await store.getState().disconnect(7);
    expect(store.getState().error).toMatch(/unexpected wa\/disconnect/);
    expect(store.getState().busy).toBe(false);
  });
});
