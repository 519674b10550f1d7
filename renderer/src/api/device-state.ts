import { z } from 'zod';
import { PairingOffer } from '../../../shared/relay/index';

/** What the device app keeps in the browser (localStorage). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const STATE_KEY = 'souq.device.v1';
const QUEUE_KEY = 'souq.device.queue.v1';

export const DeviceState = z.object({
  /** The device identity's seed (base64url): its only secret. */
  seed: z.string(),
  relay: z.string(),
  desktop: z.object({ deviceId: z.string(), box: z.string() }),
  /** The offer being answered, until the desktop accepts (then dropped). */
  offer: PairingOffer.nullable(),
  phase: z.enum(['pairing', 'paired', 'refused', 'unpaired']),
  /** Replay window of the desktop's envelopes. */
  replay: z.object({ recent: z.array(z.number()), size: z.number() }).nullable(),
});
export type DeviceState = z.infer<typeof DeviceState>;

/** A write waiting for the desktop, kept across reloads; `id` is its idempotency key. */
export const QueuedCommand = z.object({ id: z.string(), name: z.string(), input: z.unknown(), at: z.number() });
export type QueuedCommand = z.infer<typeof QueuedCommand>;

function read<T>(storage: KeyValue, key: string, schema: z.ZodType<T>): T | null {
  const raw = storage.getItem(key);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function makeDeviceStorage(storage: KeyValue) {
  return {
    load: (): DeviceState | null => read(storage, STATE_KEY, DeviceState),
    save: (state: DeviceState): void => storage.setItem(STATE_KEY, JSON.stringify(state)),
    queue: (): QueuedCommand[] => read(storage, QUEUE_KEY, z.array(QueuedCommand)) ?? [],
    saveQueue: (queue: QueuedCommand[]): void => storage.setItem(QUEUE_KEY, JSON.stringify(queue)),
    forget(): void {
      storage.removeItem(STATE_KEY);
      storage.removeItem(QUEUE_KEY);
    },
  };
}
export type DeviceStorage = ReturnType<typeof makeDeviceStorage>;
