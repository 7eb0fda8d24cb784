import type { RunConfig } from './config-schema.js';
import { stepOptions } from './config-schema.js';
import { compareModelsStep } from './steps/compare-models-step.js';
import { driftStep } from './steps/drift-step.js';
import { ensembleStep } from './steps/ensemble-step.js';
import { epochCurveStep } from './steps/epoch-curve-step.js';
import { errorAnalysisStep } from './steps/error-analysis-step.js';
import { finalTestStep } from './steps/final-test-step.js';
import { learningCurveStep } from './steps/learning-curve-step.js';
import { llmCalibrationStep } from './steps/llm-calibration-step.js';
import { llmFrontStep } from './steps/llm-front-step.js';
import { llmRobustnessStep } from './steps/llm-robustness-step.js';
import { regularizationStep } from './steps/regularization-step.js';
import { searchStep } from './steps/search-step.js';
import { selectionStep } from './steps/selection-step.js';
import { validateStep } from './steps/validate-step.js';
import { validationCurveStep } from './steps/validation-curve-step.js';
import type { WorkflowStep } from './workflow-step.js';

/** The steps of `run`, in order: a new step is its file plus one line here. */
export const RUN_STEPS: readonly WorkflowStep[] = [
  validateStep,
  driftStep,
  compareModelsStep,
  llmFrontStep,
  learningCurveStep,
  epochCurveStep,
  validationCurveStep,
  searchStep,
  regularizationStep,
  selectionStep,
  ensembleStep,
  llmCalibrationStep,
  llmRobustnessStep,
  errorAnalysisStep,
  finalTestStep,
];

/** How many steps a run of this config will go through, as far as the config tells (for progress). */
export function plannedStepCount(config: RunConfig): number {
  return RUN_STEPS.filter(
    (step) => stepOptions(config, step.id) !== undefined && (step.appliesToConfig?.(config) ?? true),
  ).length;
}
