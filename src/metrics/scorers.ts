import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { accuracy, balancedAccuracy } from './accuracy.js';
import { checkCodePair, presentLabels } from './check-inputs.js';
import { logLoss } from './log-loss.js';
import { type PrfAverage, precisionRecallFScore } from './precision-recall-f.js';
import { rocAuc } from './roc-auc.js';

/**
 * A score as cross-validation calls it: codes of the fold's rows, the model's probabilities (one
 * column per code) when `needsProba`, and the length of the class list.
 */
export type ScoreFunction = (
  yTrue: Int32Array,
  yPred: Int32Array,
  proba: Matrix | undefined,
  nLabels: number,
) => number;

export const SCORER_NAMES = [
  'accuracy',
  'balanced_accuracy',
  'f1',
  'f1_macro',
  'f1_micro',
  'f1_weighted',
  'precision_macro',
  'precision_weighted',
  'recall_macro',
  'recall_weighted',
  'roc_auc',
  'roc_auc_ovr',
  'roc_auc_ovr_weighted',
  'neg_log_loss',
] as const;

export type ScorerName = (typeof SCORER_NAMES)[number];

export interface Scorer {
  readonly name: ScorerName;
  /** True when `score` reads `proba` (sklearn's needs_proba / needs_threshold from probabilities). */
  readonly needsProba: boolean;
  /**
   * sklearn's `greater_is_better` of the underlying metric. A loss (log loss) is returned negated, so
   * the value `score` returns is always better when larger, as sklearn's scorers are.
   */
  readonly greaterIsBetter: boolean;
  readonly score: ScoreFunction;
}

/**
 * Like sklearn's scorers, label-based scores use the labels present in the fold (`unique_labels`),
 * not the full class list, and warnings are dropped (zero_division 'warn' scores 0).
 */
function prfScorer(name: ScorerName, metric: 'precision' | 'recall' | 'fScore', average: PrfAverage): Scorer {
  return {
    name,
    needsProba: false,
    greaterIsBetter: true,
    score: (yTrue, yPred, _proba, nLabels) => {
      checkCodePair(yTrue, yPred, nLabels);
      const labels = presentLabels(yTrue, yPred, nLabels);
      const warnFor = metric === 'fScore' ? (['f-score'] as const) : ([metric] as const);
      return precisionRecallFScore(yTrue, yPred, nLabels, { average, labels, warnFor })[metric];
    },
  };
}

function requireProba(proba: Matrix | undefined, name: string): Matrix {
  if (proba === undefined) {
    throw new ModeldebugError('invalid_argument', `scorer '${name}' needs predicted probabilities`);
  }
  return proba;
}

/** sklearn's scorers call the metric without `labels=`, so every proba column needs a class in yTrue. */
function requireAllClassesInTruth(yTrue: Int32Array, proba: Matrix, message: string): void {
  if (presentLabels(yTrue, undefined, Math.max(proba.cols, 1)).length !== proba.cols) {
    throw new ModeldebugError('invalid_argument', message);
  }
}

function rocAucScorer(name: ScorerName, average: 'macro' | 'weighted', binaryOnly: boolean): Scorer {
  return {
    name,
    needsProba: true,
    greaterIsBetter: true,
    score: (yTrue, _yPred, proba) => {
      const scores = requireProba(proba, name);
      if (binaryOnly && scores.cols > 2)
        throw new ModeldebugError('invalid_argument', 'multiclass format is not supported');
      if (scores.cols > 2) {
        requireAllClassesInTruth(
          yTrue,
          scores,
          "Number of classes in y_true not equal to the number of columns in 'y_score'",
        );
      }
      return rocAuc(yTrue, scores, { multiClass: 'ovr', average });
    },
  };
}

const negLogLoss: Scorer = {
  name: 'neg_log_loss',
  needsProba: true,
  greaterIsBetter: false,
  score: (yTrue, _yPred, proba) => {
    const scores = requireProba(proba, 'neg_log_loss');
    requireAllClassesInTruth(
      yTrue,
      scores,
      'y_true and y_pred contain different number of classes; pass the labels explicitly to logLoss instead',
    );
    return -logLoss(yTrue, scores);
  },
};

export const SCORERS: Readonly<Record<ScorerName, Scorer>> = {
  accuracy: { name: 'accuracy', needsProba: false, greaterIsBetter: true, score: (t, p) => accuracy(t, p) },
  balanced_accuracy: {
    name: 'balanced_accuracy',
    needsProba: false,
    greaterIsBetter: true,
    score: (t, p, _proba, n) => balancedAccuracy(t, p, n).value,
  },
  f1: {
    name: 'f1',
    needsProba: false,
    greaterIsBetter: true,
    // sklearn's pos_label=1 is code 1 here: the second class of the list.
    score: (t, p, _proba, n) =>
      precisionRecallFScore(t, p, n, { average: 'binary', warnFor: ['f-score'] }).fScore,
  },
  f1_macro: prfScorer('f1_macro', 'fScore', 'macro'),
  f1_micro: prfScorer('f1_micro', 'fScore', 'micro'),
  f1_weighted: prfScorer('f1_weighted', 'fScore', 'weighted'),
  precision_macro: prfScorer('precision_macro', 'precision', 'macro'),
  precision_weighted: prfScorer('precision_weighted', 'precision', 'weighted'),
  recall_macro: prfScorer('recall_macro', 'recall', 'macro'),
  recall_weighted: prfScorer('recall_weighted', 'recall', 'weighted'),
  roc_auc: rocAucScorer('roc_auc', 'macro', true),
  roc_auc_ovr: rocAucScorer('roc_auc_ovr', 'macro', false),
  roc_auc_ovr_weighted: rocAucScorer('roc_auc_ovr_weighted', 'weighted', false),
  neg_log_loss: negLogLoss,
};

export function isScorerName(name: string): name is ScorerName {
  return (SCORER_NAMES as readonly string[]).includes(name);
}

export function getScorer(name: string): Scorer {
  if (!isScorerName(name)) {
    throw new ModeldebugError('invalid_param', `unknown scoring '${name}'`, {
      hint: `use one of ${SCORER_NAMES.join(', ')}`,
    });
  }
  return SCORERS[name];
}
