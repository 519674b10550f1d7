// Control messages that travel inside envelopes (the relay never sees them). Application payloads (events, commands)
// are the desktop's and device app's business; these two are part of the protocol itself.
import { z } from 'zod';
import { PublicKeyB64 } from './bytes';

export const RelayControlMessage = z.discriminatedUnion('kind', [
  /** pair-join's `hello`, sealed by the joining device for the desktop: how the seller will recognise it. */
  z.object({ kind: z.literal('device-hello'), name: z.string().min(1).max(80) }),
  /**
   * After an unpair, the desktop's new box key, sealed for each remaining device under the old pair key. From `at`
   * on, the desktop seals with the new key only; the old secret is destroyed.
   */
  z.object({ kind: z.literal('rekey'), box: PublicKeyB64, at: z.number().int() }),
]);
export type RelayControlMessage = z.infer<typeof RelayControlMessage>;
