import { z } from 'zod';

/**
 * What a paired device and the desktop say to each other, inside the sealed payload (the relay
 * sees only ciphertext). The relay's own frames are in shared/relay/; these are the plaintext.
 */
export const CommandId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const DeviceMessage = z.discriminatedUnion('t', [
  /** A contract call; `id` is the idempotency key, kept across retries of the same command. */
  z.object({ t: z.literal('call'), id: CommandId, name: z.string().max(80), input: z.unknown() }),
  /** The device is online: the desktop answers with its own hello. */
  z.object({ t: z.literal('hello'), at: z.string().max(40) }),
]);
export type DeviceMessage = z.infer<typeof DeviceMessage>;

export const DesktopMessage = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('result'),
    id: CommandId,
    envelope: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
    ]),
  }),
  /** A contract event the device may see (the allowlist in core/sync decides which). */
  z.object({ t: z.literal('event'), name: z.string().max(80), payload: z.unknown() }),
  /** The desktop's answer to a device's hello: it is there (the relay's presence frames say when it leaves). */
  z.object({ t: z.literal('hello'), at: z.string().max(40) }),
]);
export type DesktopMessage = z.infer<typeof DesktopMessage>;
