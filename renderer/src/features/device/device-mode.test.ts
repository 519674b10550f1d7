import { describe, expect, it } from 'vitest';
import { createPairingOffer, generateIdentity, pairingLink } from '../../../../shared/relay/index';
import { deviceModeOf } from './device-mode';

describe('which transport the page uses', () => {
  const offer = createPairingOffer({ relayUrl: 'wss://relay.example/', desktop: generateIdentity(), now: 1_000_000 });
  const hashOf = (link: string) => link.slice(link.indexOf('#'));

  it('is the desktop page (IPC or loopback HTTP) without #pair= or ?device', () => {
    expect(deviceModeOf({ hash: '#/inbox', search: '' })).toBeNull();
    expect(deviceModeOf({ hash: '', search: '?token=abc' })).toBeNull();
  });

  it('is the phone app from the QR link, with its offer, or installed (?device)', () => {
    const mode = deviceModeOf({ hash: hashOf(pairingLink('https://relay.example/', offer)), search: '' }, 1_000_001);
    expect(mode?.offer?.desktop).toEqual(offer.desktop);
    expect(deviceModeOf({ hash: '#/inbox', search: '?device' })).toEqual({ offer: null, offerProblem: null });
  });

  it('says so when the code expired (5 minutes) or cannot be read, instead of pairing', () => {
    expect(deviceModeOf({ hash: hashOf(pairingLink('https://r/', offer)), search: '' }, offer.expiresAt)).toEqual({
      offer: null,
      offerProblem: 'expired',
    });
    expect(deviceModeOf({ hash: '#pair=garbage', search: '' })).toEqual({ offer: null, offerProblem: 'unreadable' });
  });
});
