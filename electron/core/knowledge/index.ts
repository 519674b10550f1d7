/** The knowledge domain's door: FAQ entries and the seller's documents, for the other domains. */
export { type KnowledgeRepo, type KnowledgeRow, makeKnowledgeRepo, rowToEntry } from './repo';
export { type DocumentHit, type DocumentsRepo, makeDocumentsRepo } from './documents/documents-repo';
export { documentAnswer } from './documents/document-answer';
export { deleteContactData } from './erase-contact-repo';
