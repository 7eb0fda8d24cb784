import type { FitDiagnostics, FitWarning } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { createMatrix, type Matrix } from '../../core/matrix.js';
import { createRng } from '../../core/rng.js';
import { axpyAt, dotAt } from '../../linalg/row-blocks.js';
import { trainTestSplit } from '../../splits/train-test-split.js';
import { type EpochHistory, watchDivergence } from '../epoch-history.js';
import { lossDerivative, lossValue, optimalInitialRate } from './sgd-loss.js';
import { SGD_KIND, type SgdParams } from './sgd-params.js';
import {
  applyL1,
  clip,
  createSgdProblem,
  type SgdProblem,
  scoreValidation,
  WSCALE_THRESHOLD,
} from './sgd-problem.js';

export interface SgdDiagnostics extends FitDiagnostics {
  /** Epochs run: the most any one-vs-rest problem ran (sklearn's `n_iter_`). */
  readonly iterations: number;
  readonly converged: boolean;
  readonly epochs: EpochHistory;
}

export interface SgdState {
  /** `[problems][nFeatures]`: one row for two classes, one per class otherwise (sklearn's `coef_`). */
  readonly coefficients: Matrix;
  readonly intercepts: Float64Array;
}

/**
 * sklearn's `_plain_sgd` for every one-vs-rest problem at once: the problems walk the same seeded
 * shuffle of the rows in step (one pass over X per epoch instead of one per class), each with its own
 * stopping rule — training loss not below best − tol·n, or with early stopping validation accuracy not
 * above best + tol, for `n_iter_no_change` epochs (adaptive: the rate is divided by 5 instead, down to
 * 1e-6). L2 shrinks a lazy scale factor; L1 uses the cumulative truncated gradient.
 */
export function fitSgd(
  X: Features,
  y: Labels,
  params: SgdParams,
  signal: AbortSignal | undefined,
): { state: SgdState; diagnostics: SgdDiagnostics } {
  const K = y.classes.length;
  const d = X.cols;
  const P = K === 2 ? 1 : K;
  const seed = params.random_state ?? 0;
  const rng = createRng(seed);
  const all = Int32Array.from({ length: X.rows }, (_, i) => i);
  const split = params.early_stopping
    ? trainTestSplit(X.rows, { testSize: params.validation_fraction, seed, stratify: y.codes })
    : { train: all, test: new Int32Array(0) };
  const order = Int32Array.from(split.train);
  const n = order.length;
  const validation = split.test.length > 0 ? split.test : undefined;
  const W = new Float64Array(P * d);
  const l2 = params.penalty === 'l2' ? 1 : params.penalty === 'elasticnet' ? 1 - params.l1_ratio : 0;
  const l1 = params.penalty === 'l1' ? 1 : params.penalty === 'elasticnet' ? params.l1_ratio : 0;
  const optimalStart =
    params.learning_rate === 'optimal'
      ? 1 / (optimalInitialRate(params.loss, params.alpha) * params.alpha)
      : 0;
  const problems: SgdProblem[] = Array.from({ length: P }, (_, k) =>
    createSgdProblem(K === 2 ? 1 : k, params.eta0, l1 > 0 ? d : 0),
  );
  const B = Math.min(params.batch_size, n);
  const isLog = params.loss === 'log_loss';
  const gradient = new Float64Array(B > 1 ? d : 0);
  // Zero weights give every binary problem a loss of log 2 (log loss) or 1 (hinge). No end-of-fit
  // check: a plain hinge fit on unscaled features can end with a large loss and still classify well.
  const divergence = watchDivergence(
    SGD_KIND,
    params.loss === 'log_loss' ? Math.LN2 : 1,
    rateName(params),
    rateValue(params),
  );
  const history = {
    trainLoss: [] as number[],
    validationLoss: validation ? ([] as number[]) : undefined,
    validationScore: validation ? ([] as number[]) : undefined,
  };
  let t = 1;
  const rateAt = (problem: SgdProblem): number =>
    params.learning_rate === 'optimal'
      ? 1 / (params.alpha * (optimalStart + t - 1))
      : params.learning_rate === 'invscaling'
        ? params.eta0 / t ** params.power_t
        : problem.eta;

  for (let epoch = 1; epoch <= params.max_iter && problems.some((p) => p.active); epoch++) {
    signal?.throwIfAborted();
    if (params.shuffle) rng.shuffle(order);
    for (const problem of problems) problem.epochLoss = 0;
    for (let start = 0; start < n; start += B) {
      const m = Math.min(B, n - start);
      for (let k = 0; k < P; k++) {
        const problem = problems[k];
        if (!problem.active) continue;
        const w0 = k * d;
        const eta = rateAt(problem);
        let update = 0;
        let interceptStep = 0;
        if (m === 1) {
          const row = order[start];
          const target = y.codes[row] === problem.positive ? 1 : -1;
          const p = problem.wscale * dotAt(W, w0, X.data, row * d, d) + problem.intercept;
          const z = p * target;
          let dl: number;
          if (isLog && z >= -18 && z <= 18) {
            // Log loss and its derivative from one exp (the hot path of a log-loss epoch).
            const e = Math.exp(-z);
            problem.epochLoss += Math.log1p(e);
            dl = (-target * e) / (1 + e);
          } else {
            problem.epochLoss += lossValue(params.loss, p, target);
            dl = lossDerivative(params.loss, p, target);
          }
          update = -eta * clip(dl);
          interceptStep = update;
          shrink(problem, eta);
          if (update !== 0) axpyAt(update / problem.wscale, X.data, row * d, W, w0, d);
        } else {
          gradient.fill(0);
          let sum = 0;
          for (let b = 0; b < m; b++) {
            const row = order[start + b];
            const target = y.codes[row] === problem.positive ? 1 : -1;
            const p = problem.wscale * dotAt(W, w0, X.data, row * d, d) + problem.intercept;
            problem.epochLoss += lossValue(params.loss, p, target);
            const dl = clip(lossDerivative(params.loss, p, target));
            if (dl !== 0) axpyAt(dl, X.data, row * d, gradient, 0, d);
            sum += dl;
          }
          update = -eta / m;
          interceptStep = update * sum;
          shrink(problem, eta);
          axpyAt(update / problem.wscale, gradient, 0, W, w0, d);
        }
        if (params.fit_intercept) problem.intercept += interceptStep;
        if (l1 > 0) {
          problem.u += l1 * eta * params.alpha;
          applyL1(W, w0, d, problem);
        }
        if (problem.wscale < WSCALE_THRESHOLD) {
          for (let j = 0; j < d; j++) W[w0 + j] *= problem.wscale;
          problem.wscale = 1;
        }
      }
      t++;
    }
    endEpoch(epoch);
  }

  function shrink(problem: SgdProblem, eta: number): void {
    if (l2 > 0) problem.wscale *= Math.max(0, 1 - l2 * eta * params.alpha);
  }

  function endEpoch(epoch: number): void {
    let loss = 0;
    for (const problem of problems) {
      if (problem.active) {
        problem.lastLoss = problem.epochLoss / n;
        problem.epochs = epoch;
      }
      loss += problem.lastLoss / P;
    }
    history.trainLoss.push(loss);
    const weightsFinite = problems.every((p) => Number.isFinite(p.intercept) && Number.isFinite(p.wscale));
    divergence.epoch(epoch, weightsFinite ? loss : Number.NaN);
    const scored = validation ? scoreValidation(X, y.codes, validation, W, problems, params) : undefined;
    if (scored) {
      history.validationLoss?.push(scored.loss);
      history.validationScore?.push(scored.accuracy);
    }
    if (params.tol === null) return;
    const tol = params.tol;
    problems.forEach((problem, k) => {
      if (!problem.active) return;
      if (scored) {
        const score = scored.binaryAccuracy[k];
        problem.stale = score < problem.bestScore + tol ? problem.stale + 1 : 0;
        problem.bestScore = Math.max(problem.bestScore, score);
      } else {
        const sum = problem.epochLoss;
        problem.stale = sum > problem.bestLoss - tol * n ? problem.stale + 1 : 0;
        problem.bestLoss = Math.min(problem.bestLoss, sum);
      }
      if (problem.stale >= params.n_iter_no_change) {
        if (params.learning_rate === 'adaptive' && problem.eta > 1e-6) {
          problem.eta /= 5;
          problem.stale = 0;
        } else problem.active = false;
      }
    });
  }

  const coefficients = createMatrix(P, d);
  const intercepts = new Float64Array(P);
  problems.forEach((problem, k) => {
    for (let j = 0; j < d; j++) coefficients.data[k * d + j] = W[k * d + j] * problem.wscale;
    intercepts[k] = problem.intercept;
  });
  const iterations = Math.max(...problems.map((p) => p.epochs));
  const converged = problems.every((p) => !p.active);
  const warnings: FitWarning[] = [];
  if (!converged && params.tol !== null) {
    warnings.push({
      code: 'convergence',
      message: `max_iter=${params.max_iter} epochs reached before the stopping rule was met; increase max_iter or standardise the features`,
    });
  }
  const epochs: EpochHistory = {
    trainLoss: history.trainLoss,
    ...(history.validationLoss ? { validationLoss: history.validationLoss } : {}),
    ...(history.validationScore ? { validationScore: history.validationScore } : {}),
    // sklearn's SGD keeps the last epoch's weights, with or without early stopping.
    bestEpoch: iterations,
  };
  return { state: { coefficients, intercepts }, diagnostics: { iterations, converged, epochs, warnings } };
}

function rateName(params: SgdParams): string {
  return params.learning_rate === 'optimal' ? 'alpha' : 'eta0';
}

function rateValue(params: SgdParams): number {
  return params.learning_rate === 'optimal' ? params.alpha : params.eta0;
}
