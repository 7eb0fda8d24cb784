import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext, FitWarning } from '../../core/estimator.js';
import { assertSparseComplete, featureNames } from '../../core/features.js';
import { assertRowsMatchLabels, prepareTrainingSet, presentClasses } from '../training-checks/index.js';
import { createFittedMultinomialNb, type FittedMultinomialNb } from './fitted-multinomial-nb.js';
import {
  MULTINOMIAL_NB_KIND,
  type MultinomialNbParams,
  parseMultinomialNbParams,
} from './multinomial-nb-params.js';

export interface MultinomialNb extends Classifier<MultinomialNbParams> {
  withParams(patch: Partial<MultinomialNbParams>): MultinomialNb;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedMultinomialNb>;
}

const ALPHA_FLOOR = 1e-10;

/**
 * scikit-learn's MultinomialNB for counts or TF-IDF: log θ_kj = log(N_kj + α) − log Σ_j (N_kj + α), with
 * N_kj the sum of feature j over class k; class log priors from frequencies (fit_prior), uniform, or
 * `class_prior`.
 */
export function createMultinomialNb(
  params: Partial<MultinomialNbParams> | Readonly<Record<string, unknown>> = {},
): MultinomialNb {
  const parsed = parseMultinomialNbParams(params);
  return {
    kind: MULTINOMIAL_NB_KIND,
    params: parsed,
    withParams: (patch) => createMultinomialNb({ ...parsed, ...patch }),
    async fit(X, y, _context: FitContext = {}) {
      const sparse = X.sparse;
      let present: typeof y;
      if (sparse === undefined) present = prepareTrainingSet(X, y, MULTINOMIAL_NB_KIND);
      else {
        // Counts or TF-IDF from a text vectoriser: the classes and checks of prepareTrainingSet, over CSR.
        assertRowsMatchLabels(X.rows, y);
        assertSparseComplete(sparse, MULTINOMIAL_NB_KIND);
        present = presentClasses(y, MULTINOMIAL_NB_KIND);
      }
      const values = sparse === undefined ? X.data : sparse.data;
      const negative = values.findIndex((value) => value < 0);
      if (negative >= 0) {
        const column = X.columns[sparse === undefined ? negative % X.cols : sparse.indices[negative]].name;
        throw new ModeldebugError(
          'invalid_argument',
          `${MULTINOMIAL_NB_KIND} needs non-negative features (counts or TF-IDF)`,
          {
            where: `column "${column}"`,
            hint: 'use gnb for real-valued features, or a min-max scaler before mnb',
          },
        );
      }
      const warnings: FitWarning[] = [];
      let alpha = parsed.alpha;
      if (alpha < ALPHA_FLOOR && !parsed.force_alpha) {
        warnings.push({
          code: 'alpha_too_small',
          message: `alpha too small will result in numeric errors, setting alpha = ${ALPHA_FLOOR}`,
        });
        alpha = ALPHA_FLOOR;
      }
      const K = present.classes.length;
      const d = X.cols;
      const featureCounts = new Float64Array(K * d);
      const classCounts = new Float64Array(K);
      if (sparse === undefined) {
        for (let i = 0; i < X.rows; i++) {
          const k = present.codes[i];
          classCounts[k]++;
          for (let j = 0; j < d; j++) featureCounts[k * d + j] += X.data[i * d + j];
        }
      } else {
        const { indptr, indices, data } = sparse;
        for (let i = 0; i < X.rows; i++) {
          const offset = present.codes[i] * d;
          classCounts[present.codes[i]]++;
          for (let t = indptr[i]; t < indptr[i + 1]; t++) featureCounts[offset + indices[t]] += data[t];
        }
      }
      const featureLogProb = new Float64Array(K * d);
      for (let k = 0; k < K; k++) {
        let total = 0;
        for (let j = 0; j < d; j++) total += featureCounts[k * d + j] + alpha;
        const logTotal = Math.log(total);
        for (let j = 0; j < d; j++)
          featureLogProb[k * d + j] = Math.log(featureCounts[k * d + j] + alpha) - logTotal;
      }
      const logPrior = classLogPrior(parsed, classCounts);
      return createFittedMultinomialNb(
        parsed,
        present.classes,
        { featureLogProb, logPrior, warnings },
        featureNames(X),
      );
    },
  };
}

function classLogPrior(params: MultinomialNbParams, classCounts: Float64Array): Float64Array {
  const K = classCounts.length;
  if (params.class_prior !== null) {
    if (params.class_prior.length !== K) {
      throw new ModeldebugError(
        'invalid_param',
        `${MULTINOMIAL_NB_KIND}: class_prior has ${params.class_prior.length} values but y has ${K} classes`,
        { where: 'param class_prior', hint: 'give one prior per class present in the training labels' },
      );
    }
    return Float64Array.from(params.class_prior, Math.log);
  }
  if (!params.fit_prior) return new Float64Array(K).fill(-Math.log(K));
  let n = 0;
  for (const count of classCounts) n += count;
  const logN = Math.log(n);
  return classCounts.map((count) => Math.log(count) - logN);
}
