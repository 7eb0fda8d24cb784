/** Identities the metrics must satisfy on random data, plus the edges of the API (errors, encoding). */
import { describe, expect, it } from 'vitest';
import { ModeldebugError } from '../../src/core/errors.js';
import { type Matrix, matrixFromRows } from '../../src/core/matrix.js';
import { createRng, type Rng } from '../../src/core/rng.js';
import { formatFixed } from '../../src/metrics/format-fixed.js';
import {
  accuracy,
  balancedAccuracy,
  classificationReport,
  classificationReportDict,
  cohenKappa,
  confusionMatrix,
  encodeLabelPair,
  formatClassificationReport,
  getScorer,
  logLoss,
  matthewsCorrcoef,
  precisionRecallFScore,
  precisionRecallFScorePerClass,
  rocAuc,
  SCORER_NAMES,
  SCORERS,
} from '../../src/metrics/index.js';
import { pairwiseSum } from '../../src/metrics/pairwise-sum.js';

interface Sample {
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly proba: Matrix;
  readonly nLabels: number;
}

/** Noisy predictions whose argmax is yPred; every class occurs in yTrue. */
function sample(rng: Rng, rows: number, nLabels: number): Sample {
  const yTrue = Int32Array.from({ length: rows }, (_, i) => (i < nLabels ? i : rng.int(nLabels)));
  const data = new Float64Array(rows * nLabels);
  const yPred = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let total = 0;
    for (let k = 0; k < nLabels; k++) {
      const logit = (k === yTrue[i] ? 1.2 : 0) + rng.normal();
      data[i * nLabels + k] = Math.exp(logit);
      total += data[i * nLabels + k];
    }
    let best = 0;
    for (let k = 0; k < nLabels; k++) {
      data[i * nLabels + k] /= total;
      if (data[i * nLabels + k] > data[i * nLabels + best]) best = k;
    }
    yPred[i] = best;
  }
  return { yTrue, yPred, proba: { rows, cols: nLabels, data }, nLabels };
}

const rng = createRng(20260126);
const samples = [sample(rng, 50, 2), sample(rng, 80, 3), sample(rng, 120, 5)];

function expectTypedError(run: () => unknown, code: ModeldebugError['code']): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModeldebugError);
    expect((error as ModeldebugError).code).toBe(code);
    return;
  }
  expect.fail(`expected a ModeldebugError with code ${code}`);
}

describe.each(samples.map((s) => [`${s.nLabels} classes, ${s.yTrue.length} rows`, s] as const))(
  '%s',
  (_, s) => {
    const { yTrue, yPred, proba, nLabels } = s;

    it('micro precision = recall = F1 = accuracy', () => {
      const micro = precisionRecallFScore(yTrue, yPred, nLabels, { average: 'micro' });
      const acc = accuracy(yTrue, yPred);
      expect(micro.precision).toBeCloseTo(acc, 15);
      expect(micro.recall).toBeCloseTo(acc, 15);
      expect(micro.fScore).toBeCloseTo(acc, 15);
    });

    it('confusion matrix rows sum to supports, columns to predicted counts, the diagonal to hits', () => {
      const cm = confusionMatrix(yTrue, yPred, nLabels);
      const perClass = precisionRecallFScorePerClass(yTrue, yPred, nLabels);
      let diagonal = 0;
      for (let k = 0; k < nLabels; k++) {
        let rowSum = 0;
        let columnSum = 0;
        for (let j = 0; j < nLabels; j++) {
          rowSum += cm.data[k * nLabels + j];
          columnSum += cm.data[j * nLabels + k];
        }
        expect(rowSum).toBe(perClass.support[k]);
        const predicted = yPred.filter((code) => code === k).length;
        expect(columnSum).toBe(predicted);
        if (predicted > 0)
          expect(perClass.precision[k] * predicted).toBeCloseTo(cm.data[k * nLabels + k], 12);
        diagonal += cm.data[k * nLabels + k];
      }
      expect(diagonal / yTrue.length).toBe(accuracy(yTrue, yPred));
    });

    it("normalize 'true' rows and 'all' entries sum to 1", () => {
      const byRow = confusionMatrix(yTrue, yPred, nLabels, { normalize: 'true' });
      for (let k = 0; k < nLabels; k++) {
        expect(pairwiseSum(byRow.data.subarray(k * nLabels, (k + 1) * nLabels))).toBeCloseTo(1, 14);
      }
      expect(pairwiseSum(confusionMatrix(yTrue, yPred, nLabels, { normalize: 'all' }).data)).toBeCloseTo(
        1,
        14,
      );
    });

    it('balanced accuracy is macro recall when every class is true somewhere', () => {
      const macro = precisionRecallFScore(yTrue, yPred, nLabels, { average: 'macro' });
      expect(balancedAccuracy(yTrue, yPred, nLabels).value).toBeCloseTo(macro.recall, 15);
    });

    it('unweighted kappa is (p_o − p_e) / (1 − p_e)', () => {
      const cm = confusionMatrix(yTrue, yPred, nLabels);
      const n = yTrue.length;
      let observed = 0;
      let expected = 0;
      for (let k = 0; k < nLabels; k++) {
        observed += cm.data[k * nLabels + k] / n;
        let row = 0;
        let column = 0;
        for (let j = 0; j < nLabels; j++) {
          row += cm.data[k * nLabels + j];
          column += cm.data[j * nLabels + k];
        }
        expected += (row / n) * (column / n);
      }
      expect(cohenKappa(yTrue, yPred, nLabels)).toBeCloseTo((observed - expected) / (1 - expected), 12);
    });

    it('ROC AUC of class k vs rest is the Mann–Whitney probability (ties count half)', () => {
      for (let k = 0; k < nLabels; k++) {
        let wins = 0;
        let pairs = 0;
        for (let i = 0; i < yTrue.length; i++) {
          if (yTrue[i] !== k) continue;
          for (let j = 0; j < yTrue.length; j++) {
            if (yTrue[j] === k) continue;
            const a = proba.data[i * nLabels + k];
            const b = proba.data[j * nLabels + k];
            wins += a > b ? 1 : a === b ? 0.5 : 0;
            pairs++;
          }
        }
        const column = Float64Array.from({ length: yTrue.length }, (_, i) => proba.data[i * nLabels + k]);
        const isK = Int32Array.from(yTrue, (code) => (code === k ? 1 : 0));
        expect(rocAuc(isK, column)).toBeCloseTo(wins / pairs, 12);
      }
    });

    it('log loss of the true-class probabilities is their mean negative log', () => {
      let total = 0;
      for (let i = 0; i < yTrue.length; i++) total -= Math.log(proba.data[i * nLabels + yTrue[i]]);
      expect(logLoss(yTrue, proba)).toBeCloseTo(total / yTrue.length, 12);
    });

    it('every scorer gives a finite number, and neg_log_loss is the negated log loss', () => {
      for (const name of SCORER_NAMES) {
        const scorer = SCORERS[name];
        if (name === 'f1' || name === 'roc_auc') {
          if (nLabels > 2) continue;
        }
        const value = scorer.score(yTrue, yPred, scorer.needsProba ? proba : undefined, nLabels);
        expect(Number.isFinite(value), name).toBe(true);
      }
      expect(SCORERS.neg_log_loss.score(yTrue, yPred, proba, nLabels)).toBe(-logLoss(yTrue, proba));
    });
  },
);

describe('binary identities', () => {
  const s = samples[0];
  it('MCC equals the 2×2 formula', () => {
    const cm = confusionMatrix(s.yTrue, s.yPred, 2).data;
    const [tn, fp, fn, tp] = [cm[0], cm[1], cm[2], cm[3]];
    const expected = (tp * tn - fp * fn) / Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
    expect(matthewsCorrcoef(s.yTrue, s.yPred, 2)).toBeCloseTo(expected, 12);
  });
  it('binary AUC of P(code 1) = two-column matrix AUC = ovo AUC', () => {
    const p1 = Float64Array.from({ length: s.proba.rows }, (_, i) => s.proba.data[i * 2 + 1]);
    const auc = rocAuc(s.yTrue, p1);
    expect(rocAuc(s.yTrue, s.proba)).toBe(auc);
  });
});

describe('a class with no rows, passed through nLabels', () => {
  const yTrue = Int32Array.of(0, 0, 2, 2, 2);
  const yPred = Int32Array.of(0, 2, 2, 2, 0);
  it('keeps its row and column in the confusion matrix and the report', () => {
    const cm = confusionMatrix(yTrue, yPred, 3);
    expect(Array.from(cm.data)).toEqual([1, 0, 1, 0, 0, 0, 1, 0, 2]);
    const report = classificationReport(yTrue, yPred, 3, { classNames: ['a', 'b', 'c'] });
    expect(report.classes.map((row) => row.name)).toEqual(['a', 'b', 'c']);
    // sklearn with labels= a superset of the labels present reports 'micro avg', not 'accuracy'.
    expect(report.overall.kind).toBe('micro avg');
    expect(Object.keys(classificationReportDict(report))).toContain('micro avg');
    expect(report.warnings.map((w) => w.code)).toEqual(['ill_defined_precision', 'ill_defined_recall']);
    expect(formatClassificationReport(report)).toContain(
      '   micro avg       0.60      0.60      0.60         5\n',
    );
  });
  it('balanced accuracy and the scorers ignore it, as sklearn without labels=', () => {
    expect(balancedAccuracy(yTrue, yPred, 3).value).toBe(balancedAccuracy(yTrue, yPred, 4).value);
    const f1 = SCORERS.f1_macro.score(yTrue, yPred, undefined, 3);
    const remapped = (codes: Int32Array) => Int32Array.from(codes, (c) => (c === 2 ? 1 : c));
    expect(f1).toBe(SCORERS.f1_macro.score(remapped(yTrue), remapped(yPred), undefined, 2));
  });
});

describe('errors are typed', () => {
  it('rejects mismatched lengths, out-of-range codes and bad options', () => {
    expectTypedError(() => accuracy(Int32Array.of(0, 1), Int32Array.of(0)), 'shape_mismatch');
    expectTypedError(() => confusionMatrix(Int32Array.of(0, 3), Int32Array.of(0, 1), 2), 'unknown_label');
    expectTypedError(
      () => confusionMatrix(Int32Array.of(0, 1), Int32Array.of(0, 1), 3, { labels: [2] }),
      'invalid_argument',
    );
    expectTypedError(
      () => cohenKappa(Int32Array.of(0), Int32Array.of(0), 1, { weights: 'cubic' as 'linear' }),
      'invalid_argument',
    );
    expectTypedError(() => getScorer('f2'), 'invalid_param');
    expectTypedError(
      () => SCORERS.neg_log_loss.score(Int32Array.of(0), Int32Array.of(0), undefined, 2),
      'invalid_argument',
    );
  });
  it('ROC AUC raises as sklearn: multiclass without a strategy, one class with ovr', () => {
    const proba = matrixFromRows([
      [0.2, 0.3, 0.5],
      [0.6, 0.3, 0.1],
      [0.1, 0.8, 0.1],
    ]);
    const yTrue = Int32Array.of(2, 0, 0);
    expectTypedError(() => rocAuc(yTrue, proba), 'invalid_argument');
    expectTypedError(() => rocAuc(yTrue, proba, { multiClass: 'ovr' }), 'single_class');
    expect(rocAuc(yTrue, proba, { multiClass: 'ovo' })).toBe(0.75); // sklearn 1.2.1 with labels=[0, 1, 2]
    expectTypedError(() => rocAuc(Int32Array.of(1, 1), Float64Array.of(0.2, 0.9)), 'single_class');
  });
});

describe('label encoding', () => {
  it("orders numbers by value and strings by code unit, as sklearn's unique_labels", () => {
    expect(encodeLabelPair([10, 2, 1], [2, 2, 10]).classes).toEqual(['1', '2', '10']);
    expect(encodeLabelPair(['b', 'B', 'a'], ['a', 'a', 'a']).classes).toEqual(['B', 'a', 'b']);
  });
  it('puts given labels first, in their order, and keeps unlisted present labels out of `labels`', () => {
    const pair = encodeLabelPair(['x', 'y', 'z'], ['x', 'x', 'y'], ['y', 'w']);
    expect(pair.classes).toEqual(['y', 'w', 'x', 'z']);
    expect(Array.from(pair.labels)).toEqual([0, 1]);
    expect(Array.from(pair.yTrue)).toEqual([2, 0, 3]);
  });
});

describe('number formatting as Python prints it', () => {
  it('rounds exact ties to even and everything else to nearest', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(0.7, 2)).toBe('0.70');
    expect(formatFixed(0.785, 2)).toBe('0.79'); // 0.785 is stored just above the tie
    expect(formatFixed(-0.125, 2)).toBe('-0.12');
  });
  it('sums like numpy (pairwise) and exactly on small integer data', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i);
    expect(pairwiseSum(values)).toBe(499500);
  });
});
