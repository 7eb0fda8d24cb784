import type { FitWarning } from '../../core/estimator.js';
import type { LogisticRegressionParams } from './params.js';

/**
 * How predictions turn decisions into probabilities — also which model was fitted:
 * 'sigmoid' binary (one row, P(class 1) = σ(d)); 'softmax-binary' multinomial on 2 classes (sklearn keeps
 * row 1 only and uses softmax([−d, d]) = σ(2d)); 'softmax' multinomial; 'ovr' one-vs-rest (σ per class,
 * renormalised to sum 1).
 */
export type ProbabilityModel = 'sigmoid' | 'softmax-binary' | 'softmax' | 'ovr';

/** What a fit does, resolved from params and the number of classes. */
export interface FitPlan {
  readonly probability: ProbabilityModel;
  readonly solver: 'lbfgs' | 'owlqn';
  /** liblinear's model: the intercept is a penalised weight on a constant column of `interceptFeature`. */
  readonly liblinear: boolean;
  /** Value of the implicit constant column; 0 without an intercept. */
  readonly interceptFeature: number;
  /** Share of the penalty that is L1 (sklearn's l1_ratio: 1 for l1, 0 for l2). */
  readonly l1Ratio: number;
  /** False for penalty 'none'. */
  readonly penalized: boolean;
  readonly warnings: readonly FitWarning[];
}

export function planFit(params: LogisticRegressionParams, classCount: number): FitPlan {
  const liblinear = params.solver === 'liblinear';
  const l1Ratio = params.penalty === 'l1' ? 1 : params.penalty === 'elasticnet' ? (params.l1_ratio ?? 0) : 0;
  const solver = params.solver === 'lbfgs' || l1Ratio === 0 ? 'lbfgs' : 'owlqn';
  let probability: ProbabilityModel;
  if (classCount === 2) probability = params.multi_class === 'multinomial' ? 'softmax-binary' : 'sigmoid';
  else probability = liblinear || params.multi_class === 'ovr' ? 'ovr' : 'softmax';
  const interceptFeature = params.fit_intercept ? (liblinear ? params.intercept_scaling : 1) : 0;
  const warnings: FitWarning[] = [];
  if (params.l1_ratio !== null && params.penalty !== 'elasticnet') {
    warnings.push({
      code: 'ignored_param',
      message: `l1_ratio is only used with penalty 'elasticnet'; it is ignored for penalty '${params.penalty}'`,
    });
  }
  if (params.penalty === 'none' && params.C !== 1) {
    warnings.push({ code: 'ignored_param', message: "penalty 'none' ignores C" });
  }
  return {
    probability,
    solver,
    liblinear,
    interceptFeature,
    l1Ratio,
    penalized: params.penalty !== 'none',
    warnings,
  };
}
