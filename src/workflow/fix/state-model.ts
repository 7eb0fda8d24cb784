import { buildModel, type StepSpec } from '../../catalog/index.js';
import type { Classifier } from '../../core/estimator.js';
import {
  createCalibratedClassifier,
  createThresholdClassifier,
  type ModelRuntime,
} from '../../models/index.js';
import type { FixState } from './fix-types.js';

/** The wrappers `fix` may put around a pipeline, as model.json records them beside its spec. */
export interface PipelineWrappers {
  readonly calibration?: 'sigmoid' | 'isotonic';
  readonly threshold?: number;
}

/** The estimator a state stands for: its pipeline, calibrated and thresholded when the state says so. */
export function stateModel(state: FixState, runtime?: ModelRuntime): Classifier {
  return wrappedModel(state.steps, state, runtime);
}

/** A pipeline, calibrated (CalibratedClassifierCV) and then thresholded, as `fix` fits it. */
export function wrappedModel(
  steps: readonly StepSpec[],
  wrappers: PipelineWrappers,
  runtime?: ModelRuntime,
): Classifier {
  const pipeline = buildModel(steps, runtime);
  const calibrated = wrappers.calibration
    ? createCalibratedClassifier(pipeline, { method: wrappers.calibration })
    : pipeline;
  return wrappers.threshold === undefined
    ? calibrated
    : createThresholdClassifier(calibrated, { threshold: wrappers.threshold });
}
