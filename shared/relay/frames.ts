// The wire between a device (desktop or phone) and the relay: one JSON object per WebSocket text message, tagged by
// `t`. The relay reads only these frames; every `body` is an envelope (envelope.ts) it cannot open.
import { z } from 'zod';
import { b64uBytes, PublicKeyB64 } from './bytes';

/** Largest sealed body the relay forwards (an envelope string). */
export const MAX_BODY_CHARS = 256 * 1024;
/** Largest frame the relay reads at all. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** Recipients in one send. */
export const MAX_SEND_ITEMS = 32;

const DeviceId = PublicKeyB64;
const Body = z.string().min(1).max(MAX_BODY_CHARS);
const Ref = z.string().min(1).max(64);

export const RelayRole = z.enum(['desktop', 'device', 'pending']);
export type RelayRole = z.infer<typeof RelayRole>;

export const RelayMember = z.object({
  device: DeviceId,
  role: z.enum(['desktop', 'device']),
  online: z.boolean(),
  /** ms since the epoch this relay last saw it (memory only, not stored); null if not since the relay started */
  lastSeen: z.number().int().nullable(),
});
export type RelayMember = z.infer<typeof RelayMember>;

export const RelayErrorCode = z.enum([
  'bad-frame',
  'auth-failed',
  'unknown-device',
  'not-member',
  'not-allowed',
  'rate-limited',
  'quota-exceeded',
  'too-large',
  'desktop-offline',
  'unpaired',
  'internal',
]);
export type RelayErrorCode = z.infer<typeof RelayErrorCode>;

// ---- device → relay ----

/** First frame: who I claim to be. `create`: a desktop asks for a new group if its key is unknown. */
export const HelloFrame = z.object({ t: z.literal('hello'), v: z.literal(1), device: DeviceId, create: z.boolean().optional() });
/** Answer to the challenge: Ed25519 signature (auth.ts signChallenge). */
export const AuthFrame = z.object({ t: z.literal('auth'), sig: b64uBytes(64) });
/** Forward sealed bodies, one per recipient (each sealed for that recipient). */
export const SendFrame = z.object({
  t: z.literal('send'),
  ref: Ref,
  items: z
    .array(z.object({ to: DeviceId, body: Body }))
    .min(1)
    .max(MAX_SEND_ITEMS),
});
/** Delivered ids handled: the relay deletes them from the mailbox and never delivers them again. */
export const AckFrame = z.object({ t: z.literal('ack'), ids: z.array(z.string().min(1).max(64)).min(1).max(1000) });
/** Send me what waits in my mailbox (oldest first, at most `max`). */
export const DrainFrame = z.object({ t: z.literal('drain'), max: z.number().int().positive().max(1000).optional() });
/** A pending (authenticated, not yet paired) device asks the desktop to add it. */
export const PairJoinFrame = z.object({
  t: z.literal('pair-join'),
  desktop: DeviceId,
  ticket: b64uBytes(32),
  box: PublicKeyB64,
  proof: b64uBytes(32),
  /** optional envelope for the desktop (e.g. the device's name), sealed with the desktop's box key from the QR */
  hello: Body.optional(),
});
/** Desktop: the join proved itself; add the device to my group. */
export const PairAcceptFrame = z.object({ t: z.literal('pair-accept'), device: DeviceId, ticket: b64uBytes(32) });
/** Desktop: refuse the join (bad proof, expired or used offer). */
export const PairRejectFrame = z.object({ t: z.literal('pair-reject'), device: DeviceId, ticket: b64uBytes(32) });
/** Desktop: remove a device from my group; its key can no longer authenticate and its mailbox is dropped. */
export const UnpairFrame = z.object({ t: z.literal('unpair'), device: DeviceId });

export const ClientFrame = z.discriminatedUnion('t', [
  HelloFrame,
  AuthFrame,
  SendFrame,
  AckFrame,
  DrainFrame,
  PairJoinFrame,
  PairAcceptFrame,
  PairRejectFrame,
  UnpairFrame,
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

// ---- relay → device ----

export const ChallengeFrame = z.object({ t: z.literal('challenge'), nonce: b64uBytes(32) });
/** Authenticated. `pending`: the key is in no group; only pair-join is allowed. `mailbox`: bodies waiting. */
export const WelcomeFrame = z.object({
  t: z.literal('welcome'),
  role: RelayRole,
  group: z.string().nullable(),
  members: z.array(RelayMember),
  mailbox: z.number().int().nonnegative(),
});
/** A sealed body for me. `id` is what I ack; `at` when the relay took it. */
export const DeliverFrame = z.object({
  t: z.literal('deliver'),
  id: z.string(),
  from: DeviceId,
  body: Body,
  at: z.number().int(),
});
/** The relay took a send: `ids` of the stored messages; `refused` items it did not take, with why. */
export const SentFrame = z.object({
  t: z.literal('sent'),
  ref: Ref,
  ids: z.array(z.string()),
  refused: z.array(z.object({ to: DeviceId, code: RelayErrorCode })),
});
/** End of a drain: `remaining` still waiting (drain again). */
export const DrainedFrame = z.object({ t: z.literal('drained'), remaining: z.number().int().nonnegative() });
/** To the desktop: a device asks to join (check `proof` with verifyPairingProof against the offer whose ticket this is). */
export const PairRequestFrame = z.object({
  t: z.literal('pair-request'),
  device: DeviceId,
  box: PublicKeyB64,
  ticket: b64uBytes(32),
  proof: b64uBytes(32),
  hello: Body.optional(),
});
/** To the joining device: accepted (reconnect or carry on: you are now a member). */
export const PairedFrame = z.object({ t: z.literal('paired'), group: z.string(), desktop: DeviceId });
/** To the joining device: refused by the desktop. */
export const PairRefusedFrame = z.object({ t: z.literal('pair-refused'), desktop: DeviceId });
/** A member came online or went offline. */
export const PresenceFrame = z.object({ t: z.literal('presence'), device: DeviceId, online: z.boolean(), at: z.number().int() });
/** The group changed: a device joined or was removed (to the removed device, just before the relay closes it). */
export const MembersFrame = z.object({ t: z.literal('members'), members: z.array(RelayMember) });
export const ErrorFrame = z.object({ t: z.literal('error'), code: RelayErrorCode, message: z.string(), ref: Ref.optional() });

export const RelayFrame = z.discriminatedUnion('t', [
  ChallengeFrame,
  WelcomeFrame,
  DeliverFrame,
  SentFrame,
  DrainedFrame,
  PairRequestFrame,
  PairedFrame,
  PairRefusedFrame,
  PresenceFrame,
  MembersFrame,
  ErrorFrame,
]);
export type RelayFrame = z.infer<typeof RelayFrame>;

/** Parse a frame from the wire (a device reads RelayFrame, the relay reads ClientFrame); null if it is not one. */
export function parseFrame<T extends z.ZodType>(schema: T, text: string): z.infer<T> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
