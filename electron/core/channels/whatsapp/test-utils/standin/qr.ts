/** What a WhatsApp linking QR carries, as the phone's camera reads it. */
export interface ParsedQr {
  ref: string;
  /** The companion's static noise key (32 bytes). */
  noiseKey: Buffer;
  /** The companion's Signal identity key (32 bytes). */
  identityKey: Buffer;
  /** The secret the phone must HMAC the device identity with (32 bytes). */
  advSecret: Buffer;
  platformId: string;
}

const PREFIX = 'https://wa.me/settings/linked_devices#';

/** Parses the comma-separated QR payload; throws on anything that is not a well-formed link QR. */
export const parseQr = (qr: string): ParsedQr => {
  const body = qr.startsWith(PREFIX) ? qr.slice(PREFIX.length) : qr;
  const parts = body.split(',');
  if (parts.length < 4) throw new Error(`QR has ${parts.length} fields, expected at least 4`);
  const [ref, noise, identity, adv, platformId = ''] = parts as [string, string, string, string, string?];
  const noiseKey = Buffer.from(noise, 'base64');
  const identityKey = Buffer.from(identity, 'base64');
  const advSecret = Buffer.from(adv, 'base64');
  for (const [name, key] of [
    ['noise key', noiseKey],
    ['identity key', identityKey],
    ['adv secret', advSecret],
  ] as const) {
    if (key.length !== 32) throw new Error(`QR ${name} is ${key.length} bytes, expected 32`);
  }
  return { ref, noiseKey, identityKey, advSecret, platformId };
};
