import { DisconnectReason } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { backoffDelay, decideOnClose } from './reconnect-policy';

describe('reconnect policy', () => {
  it('backs off 2 s × 1.8 up to 30 s, then every 60 s after 12 attempts', () => {
    const mid = () => 0.5; // no jitter
    const delays = Array.from({ length: 15 }, (_, i) => backoffDelay(i + 1, mid));
    expect(delays.slice(0, 6)).toEqual([2000, 3600, 6480, 11664, 20995, 30000]);
    expect(delays.slice(6, 12).every((d) => d === 30_000)).toBe(true);
    expect(delays.slice(12)).toEqual([60_000, 60_000, 60_000]);
  });

  it('jitters by at most 25 %', () => {
    expect(backoffDelay(1, () => 0)).toBe(1500);
    expect(backoffDelay(1, () => 1)).toBe(2500);
    expect(backoffDelay(10, () => 0.999_999)).toBeLessThanOrEqual(37_500);
  });

  const decide = (code: number | undefined, failures = 0, linked = true) => decideOnClose({ code, failures, linked, random: () => 0.5 });

  it('restarts at once on restartRequired (515), even while linking', () => {
    expect(decide(DisconnectReason.restartRequired)).toEqual({ kind: 'restart' });
    expect(decide(DisconnectReason.restartRequired, 0, false)).toEqual({ kind: 'restart' });
  });

  it.each([
    ['connectionLost/timedOut', DisconnectReason.connectionLost],
    ['connectionClosed', DisconnectReason.connectionClosed],
    ['unavailableService', DisconnectReason.unavailableService],
    ['no code (network error)', undefined],
  ])('backs off on %s', (_name, code) => {
    expect(decide(code, 0)).toMatchObject({ kind: 'backoff', attempt: 1, delayMs: 2000, alert: false });
    expect(decide(code, 12)).toMatchObject({ kind: 'backoff', attempt: 13, delayMs: 60_000, alert: true });
    expect(decide(code, 13)).toMatchObject({ kind: 'backoff', attempt: 14, delayMs: 60_000, alert: false });
  });

  it('stops and tells the seller on connectionReplaced (440) without clearing creds', () => {
    expect(decide(DisconnectReason.connectionReplaced)).toMatchObject({ kind: 'stop', status: 'error', clearCreds: false, alert: true });
  });

  it('stops, clears creds and asks to re-link on loggedOut (401) and badSession (500)', () => {
    expect(decide(DisconnectReason.loggedOut)).toMatchObject({ kind: 'stop', status: 'logged_out', clearCreds: true });
    expect(decide(DisconnectReason.badSession)).toMatchObject({ kind: 'stop', status: 'logged_out', clearCreds: true });
  });

  it('marks the number banned on forbidden (403) and never retries', () => {
    expect(decide(DisconnectReason.forbidden, 3)).toMatchObject({ kind: 'stop', status: 'banned', clearCreds: false, alert: true });
  });

  it('never loops while linking: a transient close stops the linking attempt', () => {
    expect(decide(DisconnectReason.timedOut, 0, false)).toMatchObject({ kind: 'stop', status: 'disconnected' });
  });
});
