import type { Classifier, FitContext } from '../../core/estimator.js';
import { assertRowsMatchLabels, presentClasses } from '../training-checks/index.js';
import { DUMMY_KIND, type DummyParams, parseDummyParams } from './dummy-params.js';
import { createFittedDummy, type FittedDummy } from './fitted-dummy.js';

export interface DummyClassifier extends Classifier<DummyParams> {
  withParams(patch: Partial<DummyParams>): DummyClassifier;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedDummy>;
}

/**
 * scikit-learn's DummyClassifier: learns only the class frequencies, so it reads any columns (text,
 * categories, missing cells) — the baseline every model is compared with.
 */
export function createDummyClassifier(
  params: Partial<DummyParams> | Readonly<Record<string, unknown>> = {},
): DummyClassifier {
  const parsed = parseDummyParams(params);
  return {
    kind: DUMMY_KIND,
    params: parsed,
    withParams: (patch) => createDummyClassifier({ ...parsed, ...patch }),
    async fit(X, y, _context: FitContext = {}) {
      assertRowsMatchLabels(X.rows, y);
      const present = presentClasses(y, DUMMY_KIND);
      const prior = new Float64Array(present.classes.length);
      for (const code of present.codes) prior[code] += 1;
      for (let k = 0; k < prior.length; k++) prior[k] /= present.codes.length;
      return createFittedDummy(parsed, present.classes, prior);
    },
  };
}
