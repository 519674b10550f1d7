import {
  type DeviceIdentity,
  type PairingOffer,
  createPairingOffer,
  isOfferExpired,
  pairingTicket,
  verifyPairingProof,
} from '../../../shared/relay/index';

export type JoinVerdict = { ok: true; offer: PairingOffer } | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'bad-proof' };

/**
 * Offers shown as QR codes, in memory only (a restart forgets them: the seller shows a new one).
 * Each is valid 5 minutes and accepted once; the relay sees only its ticket (a hash of the secret).
 */
export function makePairingOffers(now: () => number) {
  const offers = new Map<string, { offer: PairingOffer; used: boolean }>();
  const sweep = () => {
    for (const [ticket, entry] of offers) if (isOfferExpired(entry.offer, now()) || entry.used) offers.delete(ticket);
  };
  return {
    create(relayUrl: string, desktop: DeviceIdentity): PairingOffer {
      sweep();
      const offer = createPairingOffer({ relayUrl, desktop, now: now() });
      offers.set(pairingTicket(offer.secret), { offer, used: false });
      return offer;
    },
    /** Checks a join and burns the offer when it proves itself. */
    accept(join: { ticket: string; device: string; box: string; proof: string }): JoinVerdict {
      const entry = offers.get(join.ticket);
      if (!entry) return { ok: false, reason: 'unknown' };
      if (entry.used) return { ok: false, reason: 'used' };
      if (isOfferExpired(entry.offer, now())) {
        offers.delete(join.ticket);
        return { ok: false, reason: 'expired' };
      }
      if (!verifyPairingProof(entry.offer.secret, { deviceId: join.device, box: join.box }, join.proof)) {
        return { ok: false, reason: 'bad-proof' };
      }
      entry.used = true;
      return { ok: true, offer: entry.offer };
    },
    /** A rotated box key makes the QR codes on screen stale. */
    clear: () => offers.clear(),
  };
}
