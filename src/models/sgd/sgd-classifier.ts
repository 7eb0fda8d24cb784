import type { Classifier, FitContext } from '../../core/estimator.js';
import { featureNames } from '../../core/features.js';
import { prepareTrainingSet } from '../training-checks/index.js';
import { fitSgd } from './fit-sgd.js';
import { createFittedSgd, type FittedSgd } from './fitted-sgd.js';
import { parseSgdParams, SGD_KIND, type SgdParams } from './sgd-params.js';

export interface SgdClassifier extends Classifier<SgdParams> {
  withParams(patch: Partial<SgdParams>): SgdClassifier;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedSgd>;
}

/**
 * scikit-learn's SGDClassifier: a linear model (hinge or log loss, one-vs-rest) trained by stochastic
 * gradient descent. Weights that overflow or a loss that explodes fail the fit with code `diverged`
 * (sklearn raises a ValueError there too).
 */
export function createSgdClassifier(
  params: Partial<SgdParams> | Readonly<Record<string, unknown>> = {},
): SgdClassifier {
  const parsed = parseSgdParams(params);
  return {
    kind: SGD_KIND,
    params: parsed,
    withParams: (patch) => createSgdClassifier({ ...parsed, ...patch }),
    async fit(X, y, context: FitContext = {}) {
      const present = prepareTrainingSet(X, y, SGD_KIND);
      const { state, diagnostics } = fitSgd(X, present, parsed, context.signal);
      return createFittedSgd(parsed, present.classes, state, diagnostics, featureNames(X));
    },
  };
}
