import { type PairingOffer, decodePairingOffer, isOfferExpired } from '../../../../shared/relay/index';

export interface DeviceMode {
  /** The QR's offer when the page was opened from it (already out of the address bar). */
  offer: PairingOffer | null;
  /** The offer could not be read or had expired: the phone says so. */
  offerProblem: 'unreadable' | 'expired' | null;
}

/**
 * The device app is the same build opened with `#pair=…` (the pairing QR's link) or `?device`
 * (an installed, paired phone). Anything else is the desktop's page (IPC or loopback HTTP).
 */
export function deviceModeOf(location: { hash: string; search: string }, now = Date.now()): DeviceMode | null {
  if (location.hash.startsWith('#pair=')) {
    try {
      const offer = decodePairingOffer(location.hash);
      return isOfferExpired(offer, now) ? { offer: null, offerProblem: 'expired' } : { offer, offerProblem: null };
    } catch {
      return { offer: null, offerProblem: 'unreadable' };
    }
  }
  return new URLSearchParams(location.search).has('device') ? { offer: null, offerProblem: null } : null;
}

/** The pairing secret never stays in the address bar or history: the page continues as `?device#/inbox`. */
export function leavePairingAddress(win: Window): void {
  const url = new URL(win.location.href);
  url.searchParams.set('device', '');
  win.history.replaceState(null, '', `${url.pathname}?device#/inbox`);
}
