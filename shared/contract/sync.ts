import { z } from 'zod';
import { Id } from '../domain/schemas';
import { call, event } from './define';

/** A device paired with this computer (its keys stay in core; only what the Settings page shows). */
export const SyncDevice = z.object({
  id: Id,
  name: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
});
export type SyncDevice = z.infer<typeof SyncDevice>;

export const SyncConnection = z.enum(['off', 'connecting', 'connected', 'disconnected']);
export type SyncConnection = z.infer<typeof SyncConnection>;

export const SyncStatus = z.object({
  /** Off by default: nothing leaves the computer until the seller turns it on. */
  enabled: z.boolean(),
  relayUrl: z.string().nullable(),
  /** Where the phone opens the app (the relay's own page unless the seller hosts it elsewhere). */
  appUrl: z.string().nullable(),
  connection: SyncConnection,
  devices: z.array(SyncDevice),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

const RelayUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^wss?:\/\/[^\s]+$/, 'A relay address such as wss://relay.example.com');
const AppUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, 'An address such as https://relay.example.com/app/');

export const syncCalls = {
  'sync/get-status': call(
    'Whether multi-device sync is on, its connection to the relay, and the paired devices.',
    z.object({}).strict(),
    SyncStatus,
  ),
  'sync/configure': call(
    'Turn multi-device sync on or off, and say which relay (and app address) to use.',
    z.object({ enabled: z.boolean(), relayUrl: RelayUrl.optional(), appUrl: AppUrl.optional() }).strict(),
    SyncStatus,
  ),
  'sync/start-pairing': call(
    'A one-time pairing offer for a new device (relay, this computer’s public key, a secret), valid 5 minutes, with its QR code.',
    z.object({}).strict(),
    z.object({ link: z.string(), qrDataUrl: z.string(), expiresAt: z.string() }),
  ),
  'sync/unpair': call(
    "Unpair a device: its keys are dropped (it cannot reconnect) and this computer's encryption key is rotated.",
    z.object({ deviceId: Id }).strict(),
    SyncStatus,
  ),
} as const;

export const syncEvents = {
  'sync/changed': event('Multi-device sync changed: turned on or off, connected, a device paired, seen or unpaired.', SyncStatus),
} as const;
