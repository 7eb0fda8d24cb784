import type { ComplexityControl } from '../analysis/findings/complexity-advice.js';
import type { StepSpec } from '../models/index.js';
import { classifierKind } from './model-plans.js';

type Control = Omit<ComplexityControl, 'step'>;

/**
 * Which params control each classifier's complexity and which way. It stands in for the catalog's
 * capability tags (`complexityControls(steps)`) until they land: the caller switches by one import.
 */
const CONTROLS: Readonly<Record<string, readonly Control[]>> = {
  'logistic-regression': [
    {
      param: 'C',
      moreComplexWhen: 'higher',
      probeValues: [0.001, 0.01, 0.1, 1, 10, 100, 1000],
      defaultValue: 1,
    },
  ],
  'k-neighbors': [
    {
      param: 'n_neighbors',
      moreComplexWhen: 'lower',
      probeValues: [1, 3, 5, 9, 15, 25, 45],
      defaultValue: 5,
    },
  ],
  'decision-tree': [
    {
      param: 'max_depth',
      moreComplexWhen: 'higher',
      probeValues: [2, 3, 5, 8, 12, null],
      defaultValue: null,
    },
    { param: 'min_samples_leaf', moreComplexWhen: 'lower', probeValues: [1, 5, 20, 50], defaultValue: 1 },
  ],
  'random-forest': [
    { param: 'max_depth', moreComplexWhen: 'higher', probeValues: [4, 8, 16, null], defaultValue: null },
    { param: 'min_samples_leaf', moreComplexWhen: 'lower', probeValues: [1, 5, 20], defaultValue: 1 },
  ],
  'hist-gradient-boosting': [
    { param: 'max_leaf_nodes', moreComplexWhen: 'higher', probeValues: [7, 15, 31, 63], defaultValue: 31 },
    { param: 'l2_regularization', moreComplexWhen: 'lower', probeValues: [0, 0.1, 1, 10], defaultValue: 0 },
  ],
  'gaussian-nb': [
    {
      param: 'var_smoothing',
      moreComplexWhen: 'lower',
      probeValues: [1e-11, 1e-9, 1e-7, 1e-5, 1e-3, 1e-1],
      defaultValue: 1e-9,
    },
  ],
  'multinomial-nb': [
    { param: 'alpha', moreComplexWhen: 'lower', probeValues: [0.01, 0.1, 1, 10], defaultValue: 1 },
  ],
  'sgd-classifier': [
    {
      param: 'alpha',
      moreComplexWhen: 'lower',
      probeValues: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2],
      defaultValue: 1e-4,
    },
  ],
  'mlp-classifier': [
    {
      param: 'alpha',
      moreComplexWhen: 'lower',
      probeValues: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1],
      defaultValue: 1e-4,
    },
  ],
};

/** The complexity controls of a model's classifier step, most telling first; empty when none is known. */
export function complexityControlsOf(steps: readonly StepSpec[]): ComplexityControl[] {
  const last = steps[steps.length - 1];
  return (CONTROLS[classifierKind(steps)] ?? []).map((control) => ({ ...control, step: last.name }));
}
