import type { Classifier, FitContext, FitWarning } from '../../core/estimator.js';
import { assertNumericDense, featureNames } from '../../core/features.js';
import { threadCount } from '../../core/n-jobs.js';
import { createRng } from '../../core/rng.js';
import { trainTestSplit } from '../../splits/train-test-split.js';
import { assertRowsMatchLabels, presentClasses } from '../training-checks/index.js';
import { boost, type ClosableWorkspace } from './boost.js';
import {
  createFittedHistGradientBoosting,
  type FittedHistGradientBoosting,
} from './fitted-hist-gradient-boosting.js';
import type { GrowerSettings } from './grow-boosted-tree.js';
import {
  HIST_GRADIENT_BOOSTING_KIND,
  type HistGradientBoostingParams,
  parseHistGradientBoostingParams,
} from './hgb-params.js';
import { type BinnedData, createGrowerWorkspace, localHistogramBackend } from './histogram-backend.js';
import { startThreadedHistograms } from './threaded-histograms.js';

export interface HistGradientBoosting extends Classifier<HistGradientBoostingParams> {
  withParams(patch: Partial<HistGradientBoostingParams>): HistGradientBoosting;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedHistGradientBoosting>;
}

/** Rows above which early_stopping 'auto' turns on (sklearn's threshold). */
const AUTO_EARLY_STOPPING_ROWS = 10_000;

/**
 * scikit-learn's HistGradientBoostingClassifier: gradient boosting of the log loss with best-first
 * histogram trees on features binned into at most max_bins quantile bins (one tree per class and
 * iteration, one in all for two classes). Missing values (NaN) are handled natively, as sklearn: they
 * get a bin of their own, and each split learns on which side they go.
 */
export function createHistGradientBoosting(
  params: Partial<HistGradientBoostingParams> | Readonly<Record<string, unknown>> = {},
): HistGradientBoosting {
  const parsed = parseHistGradientBoostingParams(params);
  return {
    kind: HIST_GRADIENT_BOOSTING_KIND,
    params: parsed,
    withParams: (patch) => createHistGradientBoosting({ ...parsed, ...patch }),
    async fit(X, y, context: FitContext = {}) {
      assertRowsMatchLabels(X.rows, y);
      assertNumericDense(X, HIST_GRADIENT_BOOSTING_KIND);
      const present = presentClasses(y, HIST_GRADIENT_BOOSTING_KIND);
      const seed = parsed.random_state ?? 0;
      const threads = threadCount(parsed.n_jobs, X.cols);
      const early =
        parsed.early_stopping === 'auto' ? X.rows > AUTO_EARLY_STOPPING_ROWS : parsed.early_stopping;
      const all = Int32Array.from({ length: X.rows }, (_, i) => i);
      const split = early
        ? trainTestSplit(X.rows, { testSize: parsed.validation_fraction, seed, stratify: present.codes })
        : { train: all, test: new Int32Array(0) };
      const result = await boost(
        {
          X: X.data,
          d: X.cols,
          codes: present.codes,
          classCount: present.classes.length,
          trainRows: split.train,
          validationRows: split.test,
        },
        {
          maxIter: parsed.max_iter,
          maxBins: parsed.max_bins,
          nIterNoChange: parsed.n_iter_no_change,
          tol: parsed.tol,
          grower: {
            maxLeafNodes: parsed.max_leaf_nodes ?? Number.POSITIVE_INFINITY,
            maxDepth: parsed.max_depth ?? Number.POSITIVE_INFINITY,
            minSamplesLeaf: parsed.min_samples_leaf,
            l2: parsed.l2_regularization,
            learningRate: parsed.learning_rate,
          },
          signal: context.signal,
          workspace: threads > 1 ? (data, grower) => threadedOrLocal(data, grower, threads) : undefined,
        },
        createRng(seed),
      );
      const warnings: FitWarning[] = [];
      const iterations = result.trees.length;
      const stoppedEarly = early && iterations < parsed.max_iter;
      return createFittedHistGradientBoosting(
        parsed,
        present.classes,
        { baseline: result.baseline, trees: result.trees },
        featureNames(X),
        {
          iterations,
          converged: early ? stoppedEarly : true,
          warnings,
          trainLoss: result.trainLoss,
          validationLoss: result.validationLoss,
        },
      );
    },
  };
}

/** Worker threads when they can start (a bounded tree, a worker script), else this thread. */
async function threadedOrLocal(
  data: BinnedData,
  grower: GrowerSettings,
  threads: number,
): Promise<ClosableWorkspace> {
  const threaded = await startThreadedHistograms(data, grower, threads);
  return threaded ?? createGrowerWorkspace(data.rows, localHistogramBackend(data, grower));
}
