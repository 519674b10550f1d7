// Pair a phone with a desktop through a relay, the way the real desktop and device app do (for tests and the bench).
import {
  createPairingOffer,
  generateIdentity,
  pairingProof,
  pairingTicket,
  publicIdentity,
  verifyPairingProof,
  type DeviceIdentity,
} from '../../../shared/relay/index';
import { connectRelay, type RelayClient } from '../client';

export async function pairPhone(
  desktop: RelayClient,
  desktopId: DeviceIdentity,
  relayUrl: string,
  phoneId: DeviceIdentity = generateIdentity(),
): Promise<{ phone: RelayClient; phoneId: DeviceIdentity }> {
  const offer = createPairingOffer({ relayUrl, desktop: desktopId });
  const phone = await connectRelay(relayUrl, phoneId);
  if (phone.welcome.role !== 'pending') throw new Error(`expected a pending phone, got ${phone.welcome.role}`);
  const me = publicIdentity(phoneId);
  phone.send({
    t: 'pair-join',
    desktop: desktopId.deviceId,
    ticket: pairingTicket(offer.secret),
    box: me.box,
    proof: pairingProof(offer.secret, me),
  });
  const request = await desktop.next('pair-request');
  if (
    request.ticket !== pairingTicket(offer.secret) ||
    !verifyPairingProof(offer.secret, { deviceId: request.device, box: request.box }, request.proof)
  ) {
    throw new Error('pair-request does not prove the offer');
  }
  desktop.send({ t: 'pair-accept', device: request.device, ticket: request.ticket });
  await phone.next('paired');
  await desktop.next('members');
  return { phone, phoneId };
}
