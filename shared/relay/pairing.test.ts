import { describe, expect, it } from 'vitest';
import { signChallenge, verifyChallenge } from './auth';
import { fromB64u, toB64u } from './bytes';
import { ClientFrame, parseFrame, RelayFrame } from './frames';
import { exportIdentity, generateIdentity, importIdentity, publicIdentity } from './keys';
import {
  createPairingOffer,
  decodePairingOffer,
  encodePairingOffer,
  isOfferExpired,
  pairingLink,
  pairingProof,
  pairingTicket,
  verifyPairingProof,
} from './pairing';

describe('base64url', () => {
  it('round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(fromB64u(toB64u(bytes))).toEqual(bytes);
    }
    expect(() => fromB64u('ab+c')).toThrow();
  });
});

describe('identity', () => {
  it('exports as one seed and imports to the same keys', () => {
    const id = generateIdentity();
    const back = importIdentity(exportIdentity(id));
    expect(back.deviceId).toBe(id.deviceId);
    expect(back.boxPublic).toEqual(id.boxPublic);
    expect(id.signSecret).not.toEqual(id.boxSecret);
  });
});

describe('signed challenge', () => {
  it('verifies the right key and refuses a wrong signature or a wrong nonce', () => {
    const id = generateIdentity();
    const other = generateIdentity();
    const nonce = toB64u(new Uint8Array(32).fill(7));
    const sig = signChallenge(id, nonce);
    expect(verifyChallenge(id.deviceId, nonce, sig)).toBe(true);
    expect(verifyChallenge(id.deviceId, nonce, signChallenge(other, nonce))).toBe(false);
    expect(verifyChallenge(id.deviceId, toB64u(new Uint8Array(32).fill(8)), sig)).toBe(false);
    expect(verifyChallenge(id.deviceId, nonce, 'garbage')).toBe(false);
  });
});

describe('pairing offer', () => {
  const desktop = generateIdentity();
  const now = Date.UTC(2026, 11, 1, 16, 0);

  it('encodes to a QR-able string and a link, and decodes back', () => {
    const offer = createPairingOffer({ relayUrl: 'ws://127.0.0.1:8787', desktop, now });
    const code = encodePairingOffer(offer);
    expect(code).toMatch(/^SOUQPAIR1:[A-Za-z0-9_-]+$/);
    expect(decodePairingOffer(code)).toEqual(offer);
    expect(decodePairingOffer(pairingLink('https://relay.example/app/', offer))).toEqual(offer);
    expect(offer.desktop).toEqual(publicIdentity(desktop));
    expect(() => decodePairingOffer('https://example.com')).toThrow();
  });

  it('expires after 5 minutes', () => {
    const offer = createPairingOffer({ relayUrl: 'wss://relay.example', desktop, now });
    expect(isOfferExpired(offer, now + 4 * 60_000)).toBe(false);
    expect(isOfferExpired(offer, now + 5 * 60_000)).toBe(true);
  });

  it('the proof binds the joining keys to the secret; the ticket does not reveal the secret', () => {
    const offer = createPairingOffer({ relayUrl: 'wss://relay.example', desktop, now });
    const phone = publicIdentity(generateIdentity());
    const proof = pairingProof(offer.secret, phone);
    expect(verifyPairingProof(offer.secret, phone, proof)).toBe(true);
    // planted: the relay swaps in its own box key, or guesses without the secret
    const swapped = { ...phone, box: publicIdentity(generateIdentity()).box };
    expect(verifyPairingProof(offer.secret, swapped, proof)).toBe(false);
    const otherSecret = createPairingOffer({ relayUrl: 'wss://relay.example', desktop, now }).secret;
    expect(verifyPairingProof(offer.secret, phone, pairingProof(otherSecret, phone))).toBe(false);
    expect(pairingTicket(offer.secret)).not.toContain(offer.secret);
    expect(fromB64u(pairingTicket(offer.secret))).toHaveLength(32);
  });
});

describe('frames', () => {
  it('parses valid frames and refuses unknown or malformed ones', () => {
    const id = generateIdentity();
    expect(parseFrame(ClientFrame, JSON.stringify({ t: 'hello', v: 1, device: id.deviceId }))).toMatchObject({ t: 'hello' });
    expect(parseFrame(ClientFrame, JSON.stringify({ t: 'hello', v: 1, device: 'short' }))).toBeNull();
    expect(parseFrame(ClientFrame, JSON.stringify({ t: 'deliver' }))).toBeNull();
    expect(parseFrame(ClientFrame, '{')).toBeNull();
    expect(parseFrame(RelayFrame, JSON.stringify({ t: 'error', code: 'rate-limited', message: 'slow down' }))).toMatchObject({
      code: 'rate-limited',
    });
    const send = { t: 'send', ref: 'r1', items: Array.from({ length: 33 }, () => ({ to: id.deviceId, body: 'x' })) };
    expect(parseFrame(ClientFrame, JSON.stringify(send))).toBeNull();
  });
});
