export {
  EMBEDDING_TRANSFORMER_KIND,
  type EmbeddingParams,
  embeddingParamsSchema,
  parseEmbeddingParams,
} from './embed-params.js';
export {
  createEmbeddingTransformer,
  type EmbeddingRuntime,
  type EmbeddingTransformer,
  type FittedEmbedding,
} from './embedding-transformer.js';
export { loadEmbedding } from './load-embedding.js';
