export type { SgdDiagnostics, SgdState } from './fit-sgd.js';
export { createFittedSgd, type FittedSgd, type SerializedSgdState } from './fitted-sgd.js';
export { loadSgd } from './load-sgd.js';
export { createSgdClassifier, type SgdClassifier } from './sgd-classifier.js';
export { parseSgdParams, SGD_KIND, type SgdParams, sgdParamsSchema } from './sgd-params.js';
