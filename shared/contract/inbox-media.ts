import { z } from 'zod';
import { Id, Message } from '../domain/schemas';
import { call } from './define';

/** The photo types the reply bar sends (what WhatsApp shows as an image message). */
export const PhotoMime = z.enum(['image/jpeg', 'image/png', 'image/webp']);
export type PhotoMime = z.infer<typeof PhotoMime>;
/** 8 MB decoded: a phone photo fits, the HTTP body limit (25 MB) is never near. */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;

const Base64 = z
  .string()
  .min(4)
  .max(Math.ceil(PHOTO_MAX_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64');

export const inboxMediaCalls = {
  'conversations/reply-photo': call(
    'Send a photo from the seller in a conversation (the reply bar), with an optional caption.',
    z
      .object({
        shopId: Id,
        conversationId: Id,
        mime: PhotoMime,
        dataBase64: Base64,
        caption: z.string().trim().max(1024).default(''),
      })
      .strict(),
    Message,
  ),
  'messages/read-media': call(
    "A message's stored image, voice note, video or document, for a renderer that cannot fetch GET /media/<id> (Electron's IPC).",
    z.object({ shopId: Id, messageId: Id }).strict(),
    z.object({ mime: z.string(), fileName: z.string(), dataBase64: z.string() }),
  ),
} as const;
