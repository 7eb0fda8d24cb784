export type { ColumnSignature } from './columns.js';
export {
  createEmbeddingTransformer,
  EMBEDDING_TRANSFORMER_KIND,
  type EmbeddingParams,
  type EmbeddingRuntime,
  type FittedEmbedding,
} from './embeddings/index.js';
export { featuresSeenByFinalStep } from './final-step-features.js';
export {
  createFittedPipeline,
  type FittedClassifierStep,
  type FittedPipeline,
  type FittedTransformerStep,
  type SerializedPipelineState,
} from './fitted-pipeline.js';
export {
  featureImportance,
  type HasFeatureImportances,
  hasCoefficients,
  hasFeatureImportances,
  innermostModel,
} from './importance-source.js';
export {
  createKBinsDiscretizer,
  type FittedKBinsDiscretizer,
  K_BINS_DISCRETIZER,
  type KBinsDiscretizerParams,
  loadKBinsDiscretizer,
} from './k-bins-discretizer.js';
export { loadPipeline } from './load-pipeline.js';
export { loadTransformer } from './load-transformer.js';
export {
  createMinMaxScaler,
  type FittedMinMaxScaler,
  loadMinMaxScaler,
  MIN_MAX_SCALER,
  type MinMaxScalerParams,
} from './min-max-scaler.js';
export { type MutualInfoOptions, mutualInfoClassif } from './mutual-info.js';
export type { Category } from './one-hot-categories.js';
export {
  createOneHotEncoder,
  type FittedOneHotEncoder,
  loadOneHotEncoder,
  ONE_HOT_ENCODER,
  type OneHotEncoderParams,
} from './one-hot-encoder.js';
export {
  type PermutationImportanceOptions,
  type PermutationImportanceResult,
  permutationImportance,
} from './permutation-importance.js';
export {
  type ClassifierStep,
  createPipeline,
  PIPELINE,
  type Pipeline,
  type PipelineParams,
  type PipelineSteps,
  type TransformerStep,
} from './pipeline.js';
export { STEP_SEPARATOR } from './pipeline-params.js';
export {
  createPolynomialFeatures,
  type FittedPolynomialFeatures,
  loadPolynomialFeatures,
  POLYNOMIAL_FEATURES,
  type PolynomialFeaturesParams,
} from './polynomial-features.js';
export {
  type RfeIteration,
  type RfeOptions,
  type RfeResult,
  recursiveFeatureElimination,
} from './rfe.js';
export { type RfecvOptions, type RfecvResult, recursiveFeatureEliminationCV } from './rfecv.js';
export {
  createSelectKBest,
  type FittedSelectKBest,
  loadSelectKBest,
  SELECT_K_BEST,
  type SelectKBestParams,
} from './select-k-best.js';
export {
  createSimpleImputer,
  type FittedSimpleImputer,
  loadSimpleImputer,
  SIMPLE_IMPUTER,
  type SimpleImputerParams,
} from './simple-imputer.js';
export {
  createStandardScaler,
  type FittedStandardScaler,
  loadStandardScaler,
  STANDARD_SCALER,
  type StandardScalerParams,
} from './standard-scaler.js';
export {
  createTfidfVectorizer,
  type FittedTfidfVectorizer,
  loadTfidfVectorizer,
  TFIDF_VECTORIZER,
  type TfidfParams,
} from './text/index.js';
export type {
  FittedTransformer,
  InvertibleTransformer,
  SerializedTransformer,
  Transformer,
} from './transformer.js';
export { chi2, fClassif, type UnivariateScores } from './univariate-scores.js';
