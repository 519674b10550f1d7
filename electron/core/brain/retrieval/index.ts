export { makeRetriever, type KnowledgeHit, type ProductHit, type Retriever, type RetrieverConfig } from './retriever';
export type { EmbeddingsConfig } from './embeddings';
export { parseQuery, type ParsedQuery } from './query';
