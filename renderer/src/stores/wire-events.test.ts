import { describe, expect, it } from 'vitest';
import { fakeClient } from '../app/notices/fake-client';
import { createAppServices } from '../app/services';
import { followPushed } from './pushed-store';
import { wireEvents } from './wire-events';

/** A core that answers every read with nothing: the stores' first loads stay empty. */
const quiet = () => fakeClient(() => Promise.resolve([]));

describe('wire-events: the one entry of pushed events', () => {
  it('puts every page event into services.pushed, where a follower sees each arrival, back to back', () => {
    const { client, emit, count } = quiet();
    const services = createAppServices({ client, storage: null, languages: ['fr'] });
    const off = wireEvents(services);
    const seen: number[] = [];
    const stop = followPushed(services.pushed, 'catalog/changed', (e) => seen.push(e.shopId));
    emit('catalog/changed', { shopId: 1 });
    emit('catalog/changed', { shopId: 2 });
    emit('llm/health', { shopId: 1, failingSince: null, problem: null });
    expect(seen).toEqual([1, 2]);
    expect(services.pushed.getState().latest['catalog/changed']).toEqual({ shopId: 2 });
    expect(services.pushed.getState().latest['llm/health']).toMatchObject({ shopId: 1 });
    stop();
    off();
    // Detaching leaves no listener on the client.
    expect(count()).toBe(0);
  });

  it('a follower does not see the arrival it was started after', () => {
    const { client, emit } = quiet();
    const services = createAppServices({ client, storage: null, languages: ['fr'] });
    const off = wireEvents(services);
    emit('catalog/changed', { shopId: 1 });
    const seen: number[] = [];
    const stop = followPushed(services.pushed, 'catalog/changed', (e) => seen.push(e.shopId));
    expect(seen).toEqual([]);
    stop();
    off();
  });
});
