import { buildModel } from '../../catalog/index.js';
import type { Classifier } from '../../core/estimator.js';
import { createCalibratedClassifier, createThresholdClassifier } from '../../models/index.js';
import type { FixState } from './fix-types.js';

/** The estimator a state stands for: its pipeline, calibrated and thresholded when the state says so. */
export function stateModel(state: FixState): Classifier {
  const pipeline = buildModel(state.steps);
  const calibrated = state.calibration
    ? createCalibratedClassifier(pipeline, { method: state.calibration })
    : pipeline;
  return state.threshold === undefined
    ? calibrated
    : createThresholdClassifier(calibrated, { threshold: state.threshold });
}
