import type { WaAccountView } from '../../../../shared/domain/whatsapp';

/** Whole seconds until `expiresAt` (never negative). */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
}

/** 179 → "2:59" (the QR countdown). */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The seller is warned once a linked number has been down for more than a minute. */
export const DISCONNECTED_WARNING_MS = 60_000;

export function disconnectedTooLong(account: Pick<WaAccountView, 'status' | 'disconnectedSince' | 'linkedAt'>, now: number): boolean {
  if (account.status === 'connected' || !account.linkedAt || !account.disconnectedSince) return false;
  return now - Date.parse(account.disconnectedSince) > DISCONNECTED_WARNING_MS;
}

/** "XXXXXXXX" → "XXXX-XXXX", as WhatsApp shows pairing codes. */
export function formatPairingCode(code: string): string {
  const clean = code.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}

/** One number per line (or comma) → the numbers the seller typed, blanks dropped. */
export function parseNumberList(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((line) => line.trim())
    .filter((line) => /\d{6,}/.test(line.replace(/\D/g, '')));
}

/** A JID back to what the seller recognises: 213550000001@s.whatsapp.net → +213550000001. */
export function jidToPhone(jid: string): string {
  const user = jid.split('@')[0] ?? jid;
  return jid.endsWith('@s.whatsapp.net') ? `+${user}` : jid;
}
