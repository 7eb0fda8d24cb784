import type { Classifier, FitContext, FitWarning } from '../../core/estimator.js';
import { featureNames } from '../../core/features.js';
import { threadCount } from '../../core/n-jobs.js';
import { createRng } from '../../core/rng.js';
import { prepareTrainingSet } from '../training-checks/index.js';
import { presortColumns, resolveGrowth } from '../tree/index.js';
import { createFittedRandomForest, type FittedRandomForest } from './fitted-random-forest.js';
import { parseRandomForestParams, RANDOM_FOREST_KIND, type RandomForestParams } from './forest-params.js';
import type { ForestJob } from './grow-trees.js';
import { growForest } from './parallel-trees.js';

export interface RandomForest extends Classifier<RandomForestParams> {
  withParams(patch: Partial<RandomForestParams>): RandomForest;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedRandomForest>;
}

/**
 * scikit-learn's RandomForestClassifier: n_estimators CART trees, each on a bootstrap sample (drawn as
 * per-row counts) with max_features features tried per node; probabilities are the trees' mean. The
 * columns are presorted once and shared by every tree (and every worker thread, with n_jobs > 1).
 * Seeded by our RNG: reproducible for a random_state and a thread count of any size, not sklearn's draws.
 */
export function createRandomForest(
  params: Partial<RandomForestParams> | Readonly<Record<string, unknown>> = {},
): RandomForest {
  const parsed = parseRandomForestParams(params);
  return {
    kind: RANDOM_FOREST_KIND,
    params: parsed,
    withParams: (patch) => createRandomForest({ ...parsed, ...patch }),
    async fit(X, y, context: FitContext = {}) {
      const present = prepareTrainingSet(X, y, RANDOM_FOREST_KIND);
      const threads = threadCount(parsed.n_jobs, parsed.n_estimators);
      const rng = createRng(parsed.random_state ?? 0);
      const seeds = new Uint32Array(parsed.n_estimators);
      for (let t = 0; t < seeds.length; t++) seeds[t] = rng.int(2 ** 32);
      const job: ForestJob = {
        data: presortColumns(X.data, X.rows, X.cols, threads > 1),
        codes: present.codes,
        classCount: present.classes.length,
        growth: resolveGrowth(parsed, X.rows, X.cols),
        seeds,
        bootstrapSize: parsed.bootstrap ? bootstrapSize(parsed.max_samples, X.rows) : 0,
      };
      const grown = await growForest(job, threads, context.signal);
      const warnings: FitWarning[] = grown.note
        ? [{ code: 'parallel_unavailable', message: grown.note }]
        : [];
      if (!parsed.bootstrap && parsed.max_samples !== null) {
        warnings.push({ code: 'ignored_param', message: 'max_samples is only used with bootstrap=true' });
      }
      return createFittedRandomForest(parsed, present.classes, grown.trees, featureNames(X), warnings);
    },
  };
}

function bootstrapSize(maxSamples: number | null, rows: number): number {
  if (maxSamples === null) return rows;
  return Number.isInteger(maxSamples)
    ? Math.min(maxSamples, rows)
    : Math.max(1, Math.round(maxSamples * rows));
}
