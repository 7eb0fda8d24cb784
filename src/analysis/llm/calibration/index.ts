export {
  type CalibrationBootstrapOptions,
  calibrationBootstrap,
  type MethodStatistics,
} from './calibration-bootstrap.js';
export { calibrationFindings, METHOD_NAMES } from './calibration-findings.js';
export { type CalibrationMethod, calibratedPredictions } from './calibration-methods.js';
export {
  type CalibrationInputs,
  calibrationOutOfFold,
  type ProbabilityBasis,
} from './calibration-out-of-fold.js';
export { fitLabelBias } from './fit-label-bias.js';
export {
  type CalibrationOptions,
  type LlmCalibration,
  llmCalibration,
  type MethodResult,
} from './llm-calibration.js';
export { weightedEce } from './weighted-ece.js';
