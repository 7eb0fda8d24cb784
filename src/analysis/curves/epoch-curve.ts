import type { StepSpec } from '../../catalog/model-spec.js';
import { buildModel } from '../../catalog/registry.js';
import { ModeldebugError } from '../../core/errors.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import type { EpochHistory } from '../../models/epoch-history.js';
import { type EpochVerdict, epochVerdict } from './epoch-verdict.js';

export interface EpochCurve {
  readonly history: EpochHistory;
  readonly verdict: EpochVerdict;
  /** True when the model spec left early_stopping unset and it was turned on to get a validation curve. */
  readonly earlyStoppingAdded: boolean;
  readonly validationFraction?: number;
}

/**
 * Fits a gradient-trained model (mlp, sgd) once on all rows and reads its per-epoch history. The
 * validation curves come from the model's own early-stopping split, so early_stopping is turned on
 * unless the spec sets it (false gives the training loss alone).
 */
export async function fitEpochCurve(
  X: Features,
  y: Labels,
  steps: readonly StepSpec[],
  signal?: AbortSignal,
): Promise<EpochCurve> {
  const last = steps[steps.length - 1];
  const earlyStoppingAdded = !('early_stopping' in last.params);
  const withValidation: StepSpec[] = earlyStoppingAdded
    ? [...steps.slice(0, -1), { name: last.name, params: { ...last.params, early_stopping: true } }]
    : [...steps];
  let finalParams: Readonly<Record<string, unknown>>;
  try {
    finalParams = buildModel(withValidation.slice(-1)).params as Readonly<Record<string, unknown>>;
  } catch (error) {
    // An estimator without early_stopping rejects the param we added: it does not train by epochs.
    if (earlyStoppingAdded && error instanceof ModeldebugError && error.code === 'unknown_param')
      throw notGradient(last.name);
    throw error;
  }
  const fitted = await buildModel(withValidation).fit(X, y, { signal });
  const history = (fitted.diagnostics as { epochs?: EpochHistory }).epochs;
  if (!history) throw notGradient(last.name);
  const validationFraction = finalParams.validation_fraction;
  return {
    history,
    verdict: epochVerdict(history),
    earlyStoppingAdded,
    validationFraction:
      history.validationLoss && typeof validationFraction === 'number' ? validationFraction : undefined,
  };
}

function notGradient(name: string): ModeldebugError {
  return new ModeldebugError(
    'invalid_argument',
    `"${name}" does not train by epochs, so it has no per-epoch curves`,
    {
      where: '--epochs',
      hint: 'use --model mlp or --model sgd (or drop --epochs for a learning curve)',
    },
  );
}
