import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext } from '../../core/estimator.js';
import { featureNames } from '../../core/features.js';
import { prepareTrainingSet } from '../training-checks/index.js';
import { createFittedGaussianNb, type FittedGaussianNb } from './fitted-gaussian-nb.js';
import { GAUSSIAN_NB_KIND, type GaussianNbParams, parseGaussianNbParams } from './gaussian-nb-params.js';
import { classMeansAndVariances, largestColumnVariance } from './naive-bayes-kernels.js';

export interface GaussianNb extends Classifier<GaussianNbParams> {
  withParams(patch: Partial<GaussianNbParams>): GaussianNb;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedGaussianNb>;
}

/**
 * scikit-learn's GaussianNB: per-class means θ and population variances σ² + ε, with
 * ε = var_smoothing · max_j var(x_·j) (so a constant feature within a class does not divide by zero);
 * class priors from the class frequencies unless `priors` is given.
 */
export function createGaussianNb(
  params: Partial<GaussianNbParams> | Readonly<Record<string, unknown>> = {},
): GaussianNb {
  const parsed = parseGaussianNbParams(params);
  return {
    kind: GAUSSIAN_NB_KIND,
    params: parsed,
    withParams: (patch) => createGaussianNb({ ...parsed, ...patch }),
    async fit(X, y, _context: FitContext = {}) {
      const present = prepareTrainingSet(X, y, GAUSSIAN_NB_KIND);
      const K = present.classes.length;
      const epsilon = parsed.var_smoothing * largestColumnVariance(X.data, X.rows, X.cols);
      const { theta, variance, counts } = classMeansAndVariances(X.data, X.rows, X.cols, present.codes, K);
      for (let k = 0; k < variance.length; k++) variance[k] += epsilon;
      const priors = classPriors(parsed.priors, counts);
      return createFittedGaussianNb(
        parsed,
        present.classes,
        { theta, variance, priors, epsilon },
        featureNames(X),
      );
    },
  };
}

function classPriors(given: readonly number[] | null, counts: Float64Array): Float64Array {
  if (given === null) {
    let n = 0;
    for (const count of counts) n += count;
    return counts.map((count) => count / n);
  }
  if (given.length !== counts.length) {
    throw new ModeldebugError(
      'invalid_param',
      `${GAUSSIAN_NB_KIND}: priors has ${given.length} values but y has ${counts.length} classes`,
      { where: 'param priors', hint: 'give one prior per class present in the training labels' },
    );
  }
  const total = given.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) > 1e-8) {
    throw new ModeldebugError('invalid_param', `${GAUSSIAN_NB_KIND}: the priors sum to ${total}, not 1`, {
      where: 'param priors',
      hint: 'make the priors sum to 1',
    });
  }
  return Float64Array.from(given);
}
