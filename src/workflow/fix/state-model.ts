import { buildModel, formatModelSpec } from '../../catalog/index.js';
import type { Classifier } from '../../core/estimator.js';
import { createVotingClassifier } from '../../ensemble/index.js';
import { createCalibratedClassifier, createThresholdClassifier } from '../../models/index.js';
import type { FixState } from './fix-types.js';

/** The state's model in words: its pipeline, or the soft vote of its pipelines. */
export function describeState(state: FixState): string {
  const spec = formatModelSpec([...state.steps]);
  if (!state.voteWith) return spec;
  return `soft vote of ${[spec, ...state.voteWith.map((steps) => formatModelSpec([...steps]))].join(' ; ')}`;
}

/** The estimator a state stands for: its pipeline, calibrated and thresholded when the state says so. */
export function stateModel(state: FixState): Classifier {
  const single = buildModel(state.steps);
  const pipeline = state.voteWith
    ? createVotingClassifier(
        [single, ...state.voteWith.map((steps) => buildModel(steps))].map(
          (model, k) => [`m${k}`, model] as const,
        ),
        { voting: 'soft' },
      )
    : single;
  const calibrated = state.calibration
    ? createCalibratedClassifier(pipeline, { method: state.calibration })
    : pipeline;
  return state.threshold === undefined
    ? calibrated
    : createThresholdClassifier(calibrated, { threshold: state.threshold });
}
