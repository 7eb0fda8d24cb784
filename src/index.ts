/**
 * modeldebug's public API: the names a library user needs, chosen by hand; everything else is internal
 * and may change. Grouped as a user meets them: data, models and the catalog, evaluation and search,
 * diagnosis, and the whole `run`.
 */

// Diagnosis and the whole run.
export { analyseErrors, llmOutcomeSummary } from './analysis/index.js';
// LLM classifiers beyond accuracy: calibration, robustness, the cost–accuracy front, proposed instructions.
export {
  type CalibrationOptions,
  type LlmCalibration,
  llmCalibration,
} from './analysis/llm/calibration/index.js';
export { type FrontOptions, frontBasesOf, type LlmFront, llmFront } from './analysis/llm/front/index.js';
export {
  type ProposeOptions,
  type ProposeResult,
  proposeInstructions,
} from './analysis/llm/propose/index.js';
export {
  type LlmRobustness,
  llmRobustness,
  type RobustnessOptions,
} from './analysis/llm/robustness/index.js';
// The catalog: model specs, building and restoring models, what a model can do.
export {
  buildModel,
  CLASSIFIERS,
  type ComplexityParam,
  complexityControls,
  ENSEMBLES,
  formatModelSpec,
  loadModel,
  type PipelineTags,
  parseModelSpec,
  type StepSpec,
  TRANSFORMERS,
  tagsOf,
} from './catalog/index.js';
// Errors and the estimator contract.
export { type ErrorCode, isModeldebugError, ModeldebugError } from './core/errors.js';
export type { Classifier, FitContext, FittedClassifier, SerializedModel } from './core/estimator.js';
export type { Features } from './core/features.js';
export { encodeLabels, type Labels } from './core/labels.js';
export type { Matrix } from './core/matrix.js';
// Data: load, check, clean.
export { cleanData } from './data/clean-data.js';
export type { Dataset } from './data/dataset.js';
export { loadExample } from './data/examples.js';
export { loadDataset } from './data/load-dataset.js';
export { validateData } from './data/validate-data.js';
// Estimators and transforms, for code that builds them directly.
export { createStackingClassifier, createVotingClassifier } from './ensemble/index.js';
export {
  createMinMaxScaler,
  createOneHotEncoder,
  createPipeline,
  createSimpleImputer,
  createStandardScaler,
  createTfidfVectorizer,
  permutationImportance,
  recursiveFeatureEliminationCV,
} from './features/index.js';
export { openSqliteCache } from './llm/cache/sqlite-cache.js';

// Evaluation, search and curves.
export { accuracy } from './metrics/accuracy.js';
export { classificationReport } from './metrics/classification-report.js';
export { confusionMatrix } from './metrics/confusion-matrix.js';
export {
  createDecisionTree,
  createDummyClassifier,
  createGaussianNb,
  createHistGradientBoosting,
  createKNeighbors,
  createLlmClassifier,
  createLogisticRegression,
  createMlpClassifier,
  createMultinomialNb,
  createRandomForest,
  createSgdClassifier,
} from './models/index.js';
export { createWorkerPool } from './parallel/index.js';
export { renderReportHtml } from './report/render-report-html.js';
export {
  createStrategy,
  crossValidate,
  learningCurve,
  search,
  validationCurve,
} from './selection/index.js';
export { kFold, stratifiedKFold, trainTestSplit } from './splits/index.js';
export { openRunStore } from './store/index.js';
export { loadRunConfig, type RunConfig, type RunReport, runWorkflow } from './workflow/index.js';
