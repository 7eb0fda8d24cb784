export type { MlpDiagnostics } from './fit-mlp.js';
export { createFittedMlp, type FittedMlp, type SerializedMlpState } from './fitted-mlp.js';
export { loadMlp } from './load-mlp.js';
export { createMlpClassifier, type MlpClassifier } from './mlp-classifier.js';
export { hiddenSizes, MLP_KIND, type MlpParams, mlpParamsSchema, parseMlpParams } from './mlp-params.js';
