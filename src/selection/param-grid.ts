import { ModeldebugError } from '../core/errors.js';

/** A candidate's params: flat keys (`logreg.C` for a pipeline step, `C` for the final model). */
export type CandidateParams = Readonly<Record<string, unknown>>;

/** Values to try per key (sklearn's `param_grid` dict). */
export type ParamGrid = Readonly<Record<string, readonly unknown[]>>;

/**
 * sklearn's ParameterGrid: keys sorted, the cartesian product in `itertools.product` order (the last key
 * varies fastest), so candidate indices match GridSearchCV's `cv_results_` rows.
 */
export function parameterGrid(grid: ParamGrid): CandidateParams[] {
  const keys = Object.keys(grid).sort();
  for (const key of keys) {
    if (grid[key].length === 0) {
      throw new ModeldebugError('invalid_argument', `the grid for "${key}" has no values`, {
        where: `--grid ${key}`,
        hint: 'give at least one value, e.g. --grid C=0.1,1,10',
      });
    }
  }
  let candidates: Record<string, unknown>[] = [{}];
  for (const key of keys) {
    const next: Record<string, unknown>[] = [];
    for (const partial of candidates) for (const value of grid[key]) next.push({ ...partial, [key]: value });
    candidates = next;
  }
  return candidates;
}

/** A stable text key for a candidate (keys sorted), to match stored trials on resume. */
export function candidateKey(params: CandidateParams): string {
  const sorted = Object.keys(params)
    .sort()
    .map((key) => [key, params[key]]);
  return JSON.stringify(sorted);
}
