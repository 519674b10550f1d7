import type { Locale } from '../../../../shared/domain/schemas';

/** Whisper-style servers name the language in English ("french"); others give an ISO code ("fr"). */
const LANGUAGE_CODES: Record<string, string> = {
  arabic: 'ar',
  french: 'fr',
  english: 'en',
  portuguese: 'pt',
  italian: 'it',
  spanish: 'es',
  german: 'de',
  dutch: 'nl',
  turkish: 'tr',
  tamazight: 'zgh',
  berber: 'ber',
};

/** The language a voice note was heard in, named in the seller's interface language; null when unknown. */
export function languageName(heard: string | null, locale: Locale): string | null {
  const raw = heard?.trim().toLowerCase();
  if (!raw) return null;
  const code = LANGUAGE_CODES[raw] ?? (/^[a-z]{2,3}(-[a-z]{2,4})?$/.test(raw) ? raw : null);
  if (!code) return heard;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? heard;
  } catch {
    return heard;
  }
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

export const isPhotoType = (type: string): type is PhotoType => (PHOTO_TYPES as readonly string[]).includes(type);

/** A photo the seller picked: the problem to tell them, or the type to send it as. */
export function checkPhoto(file: { type: string; size: number }): { ok: true; mime: PhotoType } | { ok: false; problem: 'type' | 'size' } {
  if (!isPhotoType(file.type)) return { ok: false, problem: 'type' };
  if (file.size > PHOTO_MAX_BYTES) return { ok: false, problem: 'size' };
  return { ok: true, mime: file.type };
}

/** Base64 of a file's bytes, in chunks (String.fromCharCode on a whole photo overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
