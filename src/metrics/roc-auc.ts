import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { positiveMask } from './binary-clf-curve.js';
import { checkCodes, checkProbaRows, countCodes, presentLabels } from './check-inputs.js';
import { mean, weightedAverage } from './pairwise-sum.js';
import { binaryRocAuc } from './roc-curve.js';

export type MultiClassStrategy = 'raise' | 'ovr' | 'ovo';

export interface RocAucOptions {
  /** For more than two columns: one-vs-rest or one-vs-one (Hand & Till); 'raise' (default) refuses. */
  readonly multiClass?: MultiClassStrategy;
  /** 'weighted' weights ovr by class support and ovo by pair prevalence. */
  readonly average?: 'macro' | 'weighted';
}

/**
 * Area under the ROC curve. A Float64Array (or a two-column Matrix, column 1) scores code 1 of a
 * binary problem; a Matrix with more columns holds one probability column per code (sklearn with
 * `labels=` the full class list), so with 'ovr' every code must occur in yTrue.
 */
export function rocAuc(
  yTrue: Int32Array,
  scores: Matrix | Float64Array,
  options: RocAucOptions = {},
): number {
  checkProbaRows(yTrue, scores);
  if (scores instanceof Float64Array) return binaryAuc(yTrue, scores);
  if (scores.cols <= 2) return binaryAuc(yTrue, columnOf(scores, scores.cols - 1));
  const multiClass = options.multiClass ?? 'raise';
  if (multiClass === 'raise') {
    throw new ModeldebugError('invalid_argument', "multi_class must be in ('ovo', 'ovr')", {
      hint: "pass multiClass: 'ovr' or 'ovo'",
    });
  }
  checkCodes(yTrue, scores.cols, 'yTrue');
  checkRowsSumToOne(scores);
  const average = options.average ?? 'macro';
  return multiClass === 'ovr' ? oneVsRest(yTrue, scores, average) : oneVsOne(yTrue, scores, average);
}

function binaryAuc(yTrue: Int32Array, scores: Float64Array): number {
  let maxCode = 0;
  for (const code of yTrue) if (code > maxCode) maxCode = code;
  checkCodes(yTrue, maxCode + 1, 'yTrue');
  const present = presentLabels(yTrue, undefined, maxCode + 1);
  if (present.length > 2) throw new ModeldebugError('invalid_argument', 'multiclass format is not supported');
  // sklearn binarises with the larger present label as positive; a single class fails in binaryRocAuc.
  return binaryRocAuc(positiveMask(yTrue, present[present.length - 1]), scores);
}

function oneVsRest(yTrue: Int32Array, scores: Matrix, average: 'macro' | 'weighted'): number {
  const counts = countCodes(yTrue, scores.cols);
  const perClass = new Float64Array(scores.cols);
  for (let c = 0; c < scores.cols; c++) {
    if (counts[c] === 0 || counts[c] === yTrue.length) {
      throw new ModeldebugError(
        'single_class',
        'Only one class present in y_true. ROC AUC score is not defined in that case.',
        { where: `class code ${c}`, hint: "use multiClass 'ovo', or score rows where every class occurs" },
      );
    }
    perClass[c] = binaryRocAuc(positiveMask(yTrue, c), columnOf(scores, c));
  }
  return average === 'weighted' ? weightedAverage(perClass, counts) : mean(perClass);
}

/** Hand & Till: mean over class pairs (a, b) present in yTrue of (AUC(a | b) + AUC(b | a)) / 2. */
function oneVsOne(yTrue: Int32Array, scores: Matrix, average: 'macro' | 'weighted'): number {
  const classes = presentLabels(yTrue, undefined, scores.cols);
  const pairScores: number[] = [];
  const prevalence: number[] = [];
  for (let x = 0; x < classes.length; x++) {
    for (let y = x + 1; y < classes.length; y++) {
      const a = classes[x];
      const b = classes[y];
      const rows: number[] = [];
      for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === a || yTrue[i] === b) rows.push(i);
      const isA = Uint8Array.from(rows, (i) => (yTrue[i] === a ? 1 : 0));
      const isB = Uint8Array.from(rows, (i) => (yTrue[i] === b ? 1 : 0));
      const scoreA = Float64Array.from(rows, (i) => scores.data[i * scores.cols + a]);
      const scoreB = Float64Array.from(rows, (i) => scores.data[i * scores.cols + b]);
      pairScores.push((binaryRocAuc(isA, scoreA) + binaryRocAuc(isB, scoreB)) / 2);
      prevalence.push(rows.length / yTrue.length);
    }
  }
  return average === 'weighted' ? weightedAverage(pairScores, prevalence) : mean(pairScores);
}

function columnOf(matrix: Matrix, column: number): Float64Array {
  return Float64Array.from({ length: matrix.rows }, (_, i) => matrix.data[i * matrix.cols + column]);
}

/** sklearn's `np.allclose(1, y_score.sum(axis=1))` (rtol 1e-5, atol 1e-8). */
function checkRowsSumToOne(scores: Matrix): void {
  for (let i = 0; i < scores.rows; i++) {
    let sum = 0;
    for (let j = 0; j < scores.cols; j++) sum += scores.data[i * scores.cols + j];
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
      throw new ModeldebugError(
        'invalid_argument',
        'Target scores need to be probabilities for multiclass roc_auc, i.e. they should sum up to 1.0 over classes',
        { where: `row ${i}` },
      );
    }
  }
}
