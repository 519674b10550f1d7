import { z } from 'zod';
import { Id, IsoTime } from './schemas';

/** Who wrote an FAQ entry: the seller, or the learning job from past conversations (needs approval). */
export const KnowledgeSource = z.enum(['seller', 'learned']);
export type KnowledgeSource = z.infer<typeof KnowledgeSource>;

/** Only active entries answer customers; learned ones wait as pending until the seller approves them. */
export const KnowledgeStatus = z.enum(['active', 'pending', 'dismissed']);
export type KnowledgeStatus = z.infer<typeof KnowledgeStatus>;

export const KnowledgeEntry = z.object({
  id: Id,
  shopId: Id,
  question: z.string(),
  answer: z.string(),
  keywords: z.array(z.string()),
  source: KnowledgeSource,
  status: KnowledgeStatus,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

/** What a knowledge document was read from: PDF, Word (DOCX), plain text, a web page saved as HTML. */
export const DocumentKind = z.enum(['pdf', 'docx', 'text', 'html']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A document the seller added to Knowledge: its text is chunked and indexed, and the bot cites it by name. */
export const KnowledgeDocument = z.object({
  id: Id,
  shopId: Id,
  name: z.string(),
  kind: DocumentKind,
  /** Size of the file as given. */
  bytes: z.number().int().nonnegative(),
  /** Characters of text extracted (0: nothing readable, e.g. a scanned PDF without text). */
  chars: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type KnowledgeDocument = z.infer<typeof KnowledgeDocument>;
