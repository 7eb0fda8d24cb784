import type { Classifier, FitContext } from '../../core/estimator.js';
import { featureNames } from '../../core/features.js';
import { prepareTrainingSet } from '../training-checks/index.js';
import { fitMlp } from './fit-mlp.js';
import { createFittedMlp, type FittedMlp } from './fitted-mlp.js';
import { MLP_KIND, type MlpParams, parseMlpParams } from './mlp-params.js';

export interface MlpClassifier extends Classifier<MlpParams> {
  withParams(patch: Partial<MlpParams>): MlpClassifier;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedMlp>;
}

/**
 * scikit-learn's MLPClassifier: a feed-forward network trained on the log loss + ½·α·‖W‖² by adam or
 * sgd over seeded mini-batches. As in sklearn, a learning rate that makes the loss jump keeps training
 * (the fit carries an `unstable_training` warning and the loss history); only weights that become
 * non-finite fail the fit, with code `diverged` (a failed candidate in a search).
 */
export function createMlpClassifier(
  params: Partial<MlpParams> | Readonly<Record<string, unknown>> = {},
): MlpClassifier {
  const parsed = parseMlpParams(params);
  return {
    kind: MLP_KIND,
    params: parsed,
    withParams: (patch) => createMlpClassifier({ ...parsed, ...patch }),
    async fit(X, y, context: FitContext = {}) {
      const present = prepareTrainingSet(X, y, MLP_KIND);
      const { network, diagnostics } = await fitMlp(X, present, parsed, context.signal);
      return createFittedMlp(parsed, present.classes, network, diagnostics, featureNames(X));
    },
  };
}
