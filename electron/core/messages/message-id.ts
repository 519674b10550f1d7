import crypto from 'node:crypto';

/**
 * A WhatsApp-shaped message id ("3EB0" + 18 upper-case hex digits, as Baileys generates),
 * chosen by the pipeline before the first send attempt and stored with the outbox row.
 */
export function newChannelMessageId(): string {
  return `3EB0${crypto.randomBytes(9).toString('hex').toUpperCase()}`;
}
