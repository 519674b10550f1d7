import { describe, expect, it } from 'vitest';
import { fromB64u, toB64u } from './bytes';
import { createReplayWindow, makePairSession, nextCounter, open, openText, parseEnvelope, RelayCryptoError, seal } from './envelope';
import { generateIdentity } from './keys';

const desktop = generateIdentity();
const phone = generateIdentity();

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof RelayCryptoError) return err.code;
    throw err;
  }
  return 'opened';
}

/** Flip one bit of the ciphertext (base64url re-encoded, so the envelope still parses). */
function tamper(body: string, byteIndex = 3): string {
  const env = parseEnvelope(body);
  const ct = fromB64u(env.x);
  ct[byteIndex] = ct[byteIndex]! ^ 1;
  return JSON.stringify({ ...env, x: toB64u(ct) });
}

describe('seal / open', () => {
  it('round-trips text and bytes, and the body carries no plaintext', () => {
    const body = seal('Salam, 3 robes pour +212 600 112 233', desktop.boxSecret, phone.boxPublic, nextCounter(0));
    // Whole phrases: a three-digit fragment turns up in random base64 now and then (CI saw '600').
    expect(body).not.toContain('robes pour');
    expect(body).not.toContain('+212 600 112 233');
    expect(openText(body, phone.boxSecret, desktop.boxPublic, createReplayWindow())).toBe('Salam, 3 robes pour +212 600 112 233');
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(open(seal(bytes, phone.boxSecret, desktop.boxPublic, 7), desktop.boxSecret, phone.boxPublic, createReplayWindow())).toEqual(
      bytes,
    );
  });

  it('uses a fresh random nonce per message', () => {
    const a = parseEnvelope(seal('x', desktop.boxSecret, phone.boxPublic, 1));
    const b = parseEnvelope(seal('x', desktop.boxSecret, phone.boxPublic, 1));
    expect(a.n).not.toBe(b.n);
    expect(a.x).not.toBe(b.x);
  });

  it('planted: a tampered byte fails to open (unauthentic)', () => {
    const body = seal('hello', desktop.boxSecret, phone.boxPublic, 10);
    for (const i of [0, 5, 20])
      expect(codeOf(() => open(tamper(body, i), phone.boxSecret, desktop.boxPublic, createReplayWindow()))).toBe('unauthentic');
    // The counter is authenticated too: changing it fails the tag rather than slipping past the window.
    const env = parseEnvelope(body);
    expect(codeOf(() => open(JSON.stringify({ ...env, c: 11 }), phone.boxSecret, desktop.boxPublic, createReplayWindow()))).toBe(
      'unauthentic',
    );
  });

  it('planted: a replayed counter fails to open (replayed), and the window state survives a restart', () => {
    const window = createReplayWindow();
    const body = seal('approve draft 42', desktop.boxSecret, phone.boxPublic, 100);
    expect(openText(body, phone.boxSecret, desktop.boxPublic, window)).toBe('approve draft 42');
    expect(codeOf(() => open(body, phone.boxSecret, desktop.boxPublic, window))).toBe('replayed');
    // A different ciphertext that reuses an accepted counter is refused as well.
    const again = seal('approve draft 42', desktop.boxSecret, phone.boxPublic, 100);
    expect(codeOf(() => open(again, phone.boxSecret, desktop.boxPublic, window))).toBe('replayed');
    const restored = createReplayWindow(window.state());
    expect(codeOf(() => open(body, phone.boxSecret, desktop.boxPublic, restored))).toBe('replayed');
    // A refused envelope does not move the window: a genuine later one still opens.
    expect(openText(seal('next', desktop.boxSecret, phone.boxPublic, 101), phone.boxSecret, desktop.boxPublic, restored)).toBe('next');
  });

  it('planted: a wrong key fails to open', () => {
    const stranger = generateIdentity();
    const body = seal('secret', desktop.boxSecret, phone.boxPublic, 1);
    expect(codeOf(() => open(body, stranger.boxSecret, desktop.boxPublic, createReplayWindow()))).toBe('wrong-recipient');
    expect(codeOf(() => open(body, phone.boxSecret, stranger.boxPublic, createReplayWindow()))).toBe('unauthentic');
    // A stranger who rewrites the header to claim the desktop's key still cannot produce a valid tag.
    const forged = seal('evil', stranger.boxSecret, phone.boxPublic, 2);
    const env = parseEnvelope(forged);
    const claimed = JSON.stringify({ ...env, f: toB64u(desktop.boxPublic) });
    expect(codeOf(() => open(claimed, phone.boxSecret, desktop.boxPublic, createReplayWindow()))).toBe('unauthentic');
  });

  it('refuses malformed and too-old envelopes', () => {
    expect(codeOf(() => open('not json', phone.boxSecret, desktop.boxPublic, createReplayWindow()))).toBe('malformed');
    expect(codeOf(() => open('{"v":2}', phone.boxSecret, desktop.boxPublic, createReplayWindow()))).toBe('malformed');
    const now = Date.UTC(2026, 0, 10);
    const old = seal('old', desktop.boxSecret, phone.boxPublic, nextCounter(0, now - 9 * 86_400_000));
    expect(codeOf(() => open(old, phone.boxSecret, desktop.boxPublic, createReplayWindow(), { maxAgeMs: 8 * 86_400_000, now }))).toBe(
      'expired',
    );
  });

  it('a pair session seals once-derived and opens in both directions', () => {
    const d = makePairSession(desktop.boxSecret, phone.boxPublic);
    const p = makePairSession(phone.boxSecret, desktop.boxPublic);
    const w = createReplayWindow();
    expect(new TextDecoder().decode(p.open(d.seal('a', 1), w))).toBe('a');
    expect(new TextDecoder().decode(d.open(p.seal('b', 1), createReplayWindow()))).toBe('b');
  });
});

describe('nextCounter and the replay window', () => {
  it('counters only go up, even when the clock goes back', () => {
    const a = nextCounter(0, 1_000);
    expect(a).toBe(1_000_000);
    expect(nextCounter(a, 500)).toBe(a + 1);
    expect(Number.isSafeInteger(nextCounter(0, Date.UTC(2100, 0, 1)))).toBe(true);
  });

  it('accepts out-of-order counters inside the window, refuses older than it', () => {
    const w = createReplayWindow(undefined, 4);
    for (const c of [10, 30, 20, 40]) expect(w.accept(c)).toBe(true);
    expect(w.accept(25)).toBe(true); // newer than the oldest kept (10 → pushed out)
    expect(w.accept(15)).toBe(false); // now older than the window
    expect(w.accept(30)).toBe(false);
    expect(w.state().recent).toEqual([20, 25, 30, 40]);
  });
});
