import { describe, expect, it } from 'vitest';
import { EventBus } from './events';

describe('EventBus.hasListeners', () => {
  it('is false with no listener, true with a named one or a subscriber without an interest', () => {
    const bus = new EventBus();
    expect(bus.hasListeners('messages/new')).toBe(false);
    const off = bus.subscribe(() => {});
    expect(bus.hasListeners('messages/new')).toBe(true);
    off();
    expect(bus.hasListeners('messages/new')).toBe(false);
    bus.on('messages/new', () => {});
    expect(bus.hasListeners('messages/new')).toBe(true);
    expect(bus.hasListeners('messages/status')).toBe(false);
  });

  it('counts a subscriber with an interest only while it wants the event, and still delivers every event to it', () => {
    const bus = new EventBus();
    let connected = false;
    const heard: string[] = [];
    bus.subscribe(
      (event) => heard.push(event.name),
      (name) => connected && name === 'messages/new',
    );
    // Disconnected: the pipeline may skip reading the row back (this was always true before).
    expect(bus.hasListeners('messages/new')).toBe(false);
    connected = true;
    expect(bus.hasListeners('messages/new')).toBe(true);
    expect(bus.hasListeners('conversations/updated')).toBe(false);
    bus.emit('conversations/updated', { id: 1 } as never);
    expect(heard).toEqual(['conversations/updated']);
  });
});
