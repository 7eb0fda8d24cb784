import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext } from '../../core/estimator.js';
import { featureNames } from '../../core/features.js';
import { prepareTrainingSet } from '../training-checks/index.js';
import { createFittedKNeighbors, type FittedKNeighbors } from './fitted-k-neighbors.js';
import { K_NEIGHBORS_KIND, type KNeighborsParams, parseKNeighborsParams } from './k-neighbors-params.js';

export interface KNeighbors extends Classifier<KNeighborsParams> {
  withParams(patch: Partial<KNeighborsParams>): KNeighbors;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedKNeighbors>;
}

/**
 * scikit-learn's KNeighborsClassifier: fitting keeps the training rows; a query's class scores are the
 * (weighted) votes of its n_neighbors nearest rows, probabilities those votes normalised.
 */
export function createKNeighbors(
  params: Partial<KNeighborsParams> | Readonly<Record<string, unknown>> = {},
): KNeighbors {
  const parsed = parseKNeighborsParams(params);
  return {
    kind: K_NEIGHBORS_KIND,
    params: parsed,
    withParams: (patch) => createKNeighbors({ ...parsed, ...patch }),
    async fit(X, y, _context: FitContext = {}) {
      const present = prepareTrainingSet(X, y, K_NEIGHBORS_KIND);
      if (parsed.n_neighbors > X.rows) {
        throw new ModeldebugError(
          'invalid_param',
          `${K_NEIGHBORS_KIND}: n_neighbors=${parsed.n_neighbors} is more than the ${X.rows} training rows`,
          { where: 'param n_neighbors', hint: `use n_neighbors <= ${X.rows}` },
        );
      }
      // A copy: the caller may reuse its buffer, and the fitted model is the training data.
      const train = Float64Array.from(X.data);
      return createFittedKNeighbors(
        parsed,
        present.classes,
        { train, codes: present.codes },
        featureNames(X),
      );
    },
  };
}
