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
