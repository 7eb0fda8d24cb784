import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext } from '../../core/estimator.js';
import { assertNumericComplete, assertSparseComplete, featureNames } from '../../core/features.js';
import { compactLabels } from '../../core/labels.js';
import { fitProblems } from './fit.js';
import { createFittedLogisticRegression, type FittedLogisticRegression } from './fitted-model.js';
import {
  LOGISTIC_REGRESSION_KIND,
  type LogisticRegressionParams,
  parseLogisticRegressionParams,
} from './params.js';
import { planFit } from './plan.js';

export interface LogisticRegression extends Classifier<LogisticRegressionParams> {
  withParams(patch: Partial<LogisticRegressionParams>): LogisticRegression;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedLogisticRegression>;
}

/**
 * scikit-learn's LogisticRegression: minimises r(W) + C·Σ_i s_i·loss_i (see params.ts for the solvers).
 * Params are validated here, including combinations no solver supports.
 */
export function createLogisticRegression(
  params: Partial<LogisticRegressionParams> | Readonly<Record<string, unknown>> = {},
): LogisticRegression {
  const parsed = parseLogisticRegressionParams(params);
  return {
    kind: LOGISTIC_REGRESSION_KIND,
    params: parsed,
    withParams: (patch) => createLogisticRegression({ ...parsed, ...patch }),
    async fit(X, y, context: FitContext = {}) {
      if (X.rows !== y.codes.length) {
        throw new ModeldebugError(
          'shape_mismatch',
          `X has ${X.rows} rows but y has ${y.codes.length} labels`,
        );
      }
      // TF-IDF output comes as CSR features, which the objectives read entry by entry.
      if (X.sparse !== undefined) assertSparseComplete(X.sparse, LOGISTIC_REGRESSION_KIND);
      else assertNumericComplete(X, LOGISTIC_REGRESSION_KIND);
      const present = compactLabels(y);
      if (present.classes.length < 2) {
        throw new ModeldebugError(
          'single_class',
          `${LOGISTIC_REGRESSION_KIND} needs samples of at least 2 classes, but y holds only class ${present.classes[0] ?? '(none)'}`,
          { hint: 'check the label column, or use a stratified split so every fold sees every class' },
        );
      }
      const plan = planFit(parsed, present.classes.length);
      const { state, diagnostics } = fitProblems(
        X,
        present,
        y.classes,
        parsed,
        plan,
        context.signal,
        context.warmStart,
      );
      return createFittedLogisticRegression(parsed, present.classes, state, diagnostics, featureNames(X));
    },
  };
}
