import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../shared/contract/bridge';
import type { EventMessage } from '../../shared/contract/events';
import type { CallMessage, ToCoreMessage } from '../../shared/contract/port-protocol';
import { createCoreRelay, restartDelayMs } from './core-relay';

function setup() {
  const sent: ToCoreMessage[] = [];
  const states: ConnectionState[] = [];
  const events: EventMessage[] = [];
  const notes: string[] = [];
  const fatals: string[] = [];
  const relay = createCoreRelay({
    send: (message) => sent.push(message),
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    onNotify: (notice) => notes.push(`${notice.code} ${JSON.stringify(notice.params)}`),
    onFatal: (message) => fatals.push(message),
  });
  const calls = () => sent.filter((m): m is CallMessage => m.type === 'call');
  return { relay, sent, states, events, notes, fatals, calls };
}

describe('createCoreRelay', () => {
  it('holds calls until core is ready, then sends them in order and matches results by id', async () => {
    const { relay, calls, states } = setup();
    const first = relay.call('system/ping', { echo: 'a' });
    const second = relay.call('system/ping', { echo: 'b' });
    expect(calls()).toEqual([]);
    relay.receive({ type: 'ready', version: '0.1.0' });
    expect(states).toEqual(['connected']);
    const [a, b] = calls();
    expect([a?.name, a?.input, b?.input]).toEqual(['system/ping', { echo: 'a' }, { echo: 'b' }]);
    // Answers may come back in any order.
    relay.receive({ type: 'result', id: b!.id, envelope: { ok: true, value: 'B' } });
    relay.receive({ type: 'result', id: a!.id, envelope: { ok: true, value: 'A' } });
    expect(await first).toEqual({ ok: true, value: 'A' });
    expect(await second).toEqual({ ok: true, value: 'B' });
  });

  it('answers in-flight calls unavailable when core dies, and keeps later calls for the next core', async () => {
    const { relay, calls, states } = setup();
    relay.receive({ type: 'ready', version: '1' });
    const inFlight = relay.call('shops/list', {});
    relay.lost();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const later = relay.call('shops/list', {});
    relay.starting();
    expect(calls()).toHaveLength(1);
    relay.receive({ type: 'ready', version: '1' });
    const resent = calls()[1]!;
    relay.receive({ type: 'result', id: resent.id, envelope: { ok: true, value: [] } });
    expect(await later).toEqual({ ok: true, value: [] });
    expect(states).toEqual(['connected', 'disconnected', 'connecting', 'connected']);
  });

  it('after a fatal start, fails queued and future calls with the reason and never reconnects', async () => {
    const { relay, fatals, states } = setup();
    const queued = relay.call('shops/list', {});
    relay.receive({ type: 'fatal', message: 'This data was written by a newer Souqbot.' });
    expect(await queued).toEqual({ ok: false, error: { code: 'unavailable', message: 'This data was written by a newer Souqbot.' } });
    expect(await relay.call('system/get-info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    relay.starting();
    expect(relay.state()).toBe('disconnected');
    expect(states).toEqual(['disconnected']);
    expect(fatals).toEqual(['This data was written by a newer Souqbot.']);
  });

  it('forwards events and notifications, ignores junk and stray results', () => {
    const { relay, events, notes } = setup();
    relay.receive({ type: 'event', event: { name: 'settings/changed', payload: { shopId: 1 } } });
    relay.receive({ type: 'notify', notice: { code: 'escalated', params: { conversationId: 4 } } });
    // The shape from before codes (English words) is junk now: nothing English reaches the seller through it.
    relay.receive({ type: 'notify', title: 'Souqbot', body: 'A customer needs you' });
    relay.receive({ type: 'result', id: 999, envelope: { ok: true, value: 1 } });
    relay.receive('hello');
    relay.receive({ type: 'event' });
    relay.receive(null);
    expect(events).toEqual([{ name: 'settings/changed', payload: { shopId: 1 } }]);
    expect(notes).toEqual(['escalated {"conversationId":4}']);
  });

  it('rejects a non-string method name without bothering core', async () => {
    const { relay, sent } = setup();
    relay.receive({ type: 'ready', version: '1' });
    expect(await relay.call(42, {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(sent).toEqual([]);
  });

  it('answers unavailable when posting to core throws', async () => {
    const relay = createCoreRelay({
      send: () => {
        throw new Error('An object could not be cloned.');
      },
      onEvent: () => {},
      onState: () => {},
    });
    relay.receive({ type: 'ready', version: '1' });
    expect(await relay.call('system/ping', { echo: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: /could not be cloned/ },
    });
  });
});

describe('restartDelayMs', () => {
  it('backs off from half a second to at most 30 s', () => {
    expect([0, 1, 2, 3].map(restartDelayMs)).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelayMs(50)).toBe(30_000);
  });
});
