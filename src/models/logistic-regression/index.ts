export type { LogisticRegressionDiagnostics, LogisticRegressionState } from './fit.js';
export {
  createFittedLogisticRegression,
  type FittedLogisticRegression,
  type SerializedLogisticRegressionState,
} from './fitted-model.js';
export { loadLogisticRegression } from './load.js';
export { createLogisticRegression, type LogisticRegression } from './logistic-regression.js';
export {
  LOGISTIC_REGRESSION_KIND,
  type LogisticRegressionParams,
  type LogisticRegressionSolver,
  logisticRegressionParamsSchema,
  parseLogisticRegressionParams,
} from './params.js';
export type { ProbabilityModel } from './plan.js';
