import type { Generated } from 'kysely';

/** Kysely table types of the knowledge domain (migrations 0003, 0033, 0045 and 0056). */

/** The seller's (and learned) questions and answers (0003, 0033). */
export interface KnowledgeTable {
  id: Generated<number>;
  shop_id: number;
  question: string;
  answer: string;
  keywords: string;
  source: 'seller' | 'learned';
  status: 'active' | 'pending' | 'dismissed';
  search_doc: string;
  created_at: string;
  updated_at: string;
}

/** FTS5 trigram index over knowledge (0003, rebuilt 0045), rowid = knowledge.id; `shop` is the shop id as text. */
export interface KnowledgeTriTable {
  rowid: number;
  shop: string;
  question: string;
  keywords: string;
  answer: string;
}

/** FTS5 word index over knowledge (0003, rebuilt 0045), with the folded concepts. */
export interface KnowledgeWordsTable extends KnowledgeTriTable {
  concepts: string;
}

/** A document the seller gave (0056): its text is cut into knowledge_chunks. */
export interface KnowledgeDocumentsTable {
  id: Generated<number>;
  shop_id: number;
  name: string;
  kind: string;
  bytes: number;
  sha256: string;
  chars: number;
  created_at: string;
  updated_at: string;
}

export interface KnowledgeChunksTable {
  id: Generated<number>;
  document_id: number;
  shop_id: number;
  ord: number;
  text: string;
}

/** FTS5 word index over chunks (0056), rowid = knowledge_chunks.id. */
export interface KnowledgeChunkWordsTable {
  rowid: number;
  words: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface KnowledgeTables {
  knowledge: KnowledgeTable;
  knowledge_tri: KnowledgeTriTable;
  knowledge_words: KnowledgeWordsTable;
  knowledge_documents: KnowledgeDocumentsTable;
  knowledge_chunks: KnowledgeChunksTable;
  knowledge_chunk_words: KnowledgeChunkWordsTable;
}
