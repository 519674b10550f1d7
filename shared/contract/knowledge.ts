import { z } from 'zod';
import { Product } from '../domain/catalog';
import { KnowledgeDocument, KnowledgeEntry, KnowledgeStatus } from '../domain/knowledge';
import { Id } from '../domain/schemas';
import { call } from './define';

const Keyword = z.string().trim().min(1).max(80);

/** One row retrieval used, with its score and what matched (for the seller's test panel). */
const Scored = { score: z.number().min(0).max(1), matched: z.array(z.string()) };

export const knowledgeCalls = {
  'knowledge/list': call(
    "The shop's FAQ entries, newest first, optionally one status only or matching a search text.",
    z.object({ shopId: Id, status: KnowledgeStatus.optional(), query: z.string().trim().max(200).optional() }).strict(),
    z.array(KnowledgeEntry),
  ),
  'knowledge/save': call(
    'Create an FAQ entry (no id) or edit one (id); approving a learned entry is saving it as active.',
    z
      .object({
        shopId: Id,
        id: Id.optional(),
        question: z.string().trim().min(1, 'Write the question').max(500),
        answer: z.string().trim().min(1, 'Write the answer').max(4000),
        keywords: z.array(Keyword).max(50).default([]),
        status: KnowledgeStatus.optional(),
      })
      .strict(),
    KnowledgeEntry,
  ),
  'knowledge/set-status': call(
    'Approve (active), park (pending) or dismiss an FAQ entry.',
    z.object({ shopId: Id, id: Id, status: KnowledgeStatus }).strict(),
    KnowledgeEntry,
  ),
  'knowledge/delete': call('Delete an FAQ entry.', z.object({ shopId: Id, id: Id }).strict(), z.object({ deleted: z.boolean() })),
  'knowledge/list-documents': call(
    'The documents the seller added to Knowledge (PDF, DOCX, text, saved HTML), newest first.',
    z.object({ shopId: Id }).strict(),
    z.array(KnowledgeDocument),
  ),
  'knowledge/add-document': call(
    'Add a document to Knowledge (read, chunked, indexed; the bot cites it by name). The same name again, or replaceId, replaces it and re-indexes.',
    z
      .object({
        shopId: Id,
        name: z.string().trim().min(1).max(200),
        /** The file's bytes, base64 (at most 8 MB of file). */
        contentBase64: z.string().min(1).max(11_200_000),
        replaceId: Id.optional(),
      })
      .strict(),
    KnowledgeDocument,
  ),
  'knowledge/delete-document': call(
    'Delete a document from Knowledge: its passages stop answering at once.',
    z.object({ shopId: Id, id: Id }).strict(),
    z.object({ deleted: z.boolean() }),
  ),
  'knowledge/ask': call(
    'Ask as a customer would: the FAQ answer retrieval finds and the rows it came from (FAQ entries and products).',
    z.object({ shopId: Id, question: z.string().trim().min(1).max(1000) }).strict(),
    z.object({
      answer: z.string().nullable(),
      entries: z.array(z.object({ entry: KnowledgeEntry, ...Scored })),
      products: z.array(z.object({ product: Product, ...Scored })),
    }),
  ),
  'knowledge/try': call(
    'Ask as a customer, through the same path as a WhatsApp message (routing, brain, guardrails, escalation): what the customer would get, and the FAQ rows retrieval matched.',
    z.object({ shopId: Id, question: z.string().trim().min(1).max(1000) }).strict(),
    z.object({
      /** The reply the customer would receive; null when the bot would stay silent (AI off, takeover). */
      reply: z.string().nullable(),
      /** The reply would wait for the seller's approval (approval mode). */
      draft: z.boolean(),
      /** Why the bot would hand this conversation to the seller; null when it would not. */
      escalation: z.string().nullable(),
      /** The test conversation (shown in the inbox under the test number). */
      conversationId: Id,
      entries: z.array(z.object({ entry: KnowledgeEntry, ...Scored })),
      /** Passages of the seller's documents that matched (the reply names the document when one answered). */
      documents: z.array(z.object({ documentId: Id, name: z.string(), ...Scored })).default([]),
    }),
  ),
} as const;
