import type { FittedClassifier, SerializedModel } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { createRng } from '../../core/rng.js';
import { DUMMY_KIND, type DummyParams } from './dummy-params.js';

export interface FittedDummy extends FittedClassifier {
  readonly params: Readonly<DummyParams>;
  /** The class frequencies of the training labels: sklearn's `class_prior_`. */
  readonly classPrior: Float64Array;
}

/**
 * Predictions that ignore X (the baseline a real model must beat). 'stratified' draws each row's class
 * from the prior with a generator seeded afresh on every call, as sklearn's `check_random_state(int)`
 * does, so predict and predictProba agree; the draws are not numpy's.
 */
export function createFittedDummy(
  params: DummyParams,
  classes: readonly string[],
  classPrior: Float64Array,
): FittedDummy {
  const K = classes.length;
  // np.argmax: the first of the most frequent classes.
  const commonest = classPrior.indexOf(Math.max(...classPrior));
  const predictProba = (X: Features): Matrix => {
    const data = new Float64Array(X.rows * K);
    if (params.strategy === 'prior') {
      for (let i = 0; i < X.rows; i++) data.set(classPrior, i * K);
    } else if (params.strategy === 'most_frequent') {
      for (let i = 0; i < X.rows; i++) data[i * K + commonest] = 1;
    } else {
      const rng = createRng(params.random_state ?? 0);
      for (let i = 0; i < X.rows; i++) data[i * K + drawClass(classPrior, rng.next())] = 1;
    }
    return { rows: X.rows, cols: K, data };
  };
  return {
    kind: DUMMY_KIND,
    params,
    classes,
    classPrior,
    diagnostics: { warnings: [] },
    predictProba: async (X) => predictProba(X),
    async predict(X) {
      if (params.strategy !== 'stratified') return new Int32Array(X.rows).fill(commonest);
      const proba = predictProba(X);
      return Int32Array.from({ length: X.rows }, (_, i) =>
        proba.data.subarray(i * K, (i + 1) * K).indexOf(1),
      );
    },
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: DUMMY_KIND,
        params,
        classes: [...classes],
        state: { classPrior: Array.from(classPrior) },
      };
    },
  };
}

/** The class whose cumulative prior first exceeds a uniform draw. */
function drawClass(prior: Float64Array, uniform: number): number {
  let cumulative = 0;
  for (let k = 0; k < prior.length - 1; k++) {
    cumulative += prior[k];
    if (uniform < cumulative) return k;
  }
  return prior.length - 1;
}
