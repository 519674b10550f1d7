import { describe, expect, it } from 'vitest';
import { disconnectedTooLong, formatCountdown, formatPairingCode, jidToPhone, parseNumberList, secondsLeft } from './connect-model';

describe('connect page model', () => {
  it('counts the QR window down in m:ss', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(secondsLeft('2026-11-23T10:03:00Z', now)).toBe(180);
    expect(formatCountdown(secondsLeft('2026-11-23T10:02:59.5Z', now))).toBe('3:00');
    expect(formatCountdown(61)).toBe('1:01');
    expect(secondsLeft('2026-11-23T09:59:00Z', now)).toBe(0);
  });

  it('warns only for a linked number down for more than a minute', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const base = { linkedAt: '2026-11-20T00:00:00Z' };
    expect(disconnectedTooLong({ ...base, status: 'connecting', disconnectedSince: '2026-11-23T09:59:30Z' }, now)).toBe(false);
    expect(disconnectedTooLong({ ...base, status: 'connecting', disconnectedSince: '2026-11-23T09:58:30Z' }, now)).toBe(true);
    expect(disconnectedTooLong({ ...base, status: 'connected', disconnectedSince: null }, now)).toBe(false);
    expect(disconnectedTooLong({ linkedAt: null, status: 'disconnected', disconnectedSince: '2026-11-23T09:00:00Z' }, now)).toBe(false);
  });

  it('formats pairing codes and reads typed number lists', () => {
    expect(formatPairingCode('k7qd4xwp')).toBe('K7QD-4XWP');
    expect(parseNumberList('+213 550 00 00 01\n\nfoo\n0661-22-33-44, +33612345678')).toEqual([
      '+213 550 00 00 01',
      '0661-22-33-44',
      '+33612345678',
    ]);
    expect(jidToPhone('213550000001@s.whatsapp.net')).toBe('+213550000001');
  });
});
