import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  confusionPairs,
  findLabelIssues,
  misclassifiedRows,
  wilsonInterval,
} from '../../../src/analysis/index.js';
import { matrixFromRows } from '../../../src/core/matrix.js';

describe('slice statistics', () => {
  it('gives the Wilson score interval (values from the formula in numpy/scipy)', () => {
    const ci = wilsonInterval(7, 17);
    expect(ci.low).toBeCloseTo(0.21611056790214814, 12);
    expect(ci.high).toBeCloseTo(0.6399455735700021, 12);
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775327998628892, 12);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
  });

  it("adjusts p-values as Benjamini–Hochberg (statsmodels' fdr_bh)", () => {
    const q = benjaminiHochberg(Float64Array.from([0.01, 0.04, 0.03, 0.2, 0.005, 0.5]));
    const expected = [0.03, 0.06, 0.06, 0.24, 0.03, 0.5];
    for (const [i, value] of expected.entries()) expect(q[i]).toBeCloseTo(value, 12);
  });
});

describe('misclassified rows and confusion pairs', () => {
  const classes = ['a', 'b', 'c'];
  const yTrue = Int32Array.from([0, 0, 1, 1, 2, 2, 1]);
  const yPred = Int32Array.from([0, 1, 1, 2, 1, 2, 2]);
  const proba = matrixFromRows([
    [0.8, 0.1, 0.1],
    [0.3, 0.6, 0.1],
    [0.1, 0.8, 0.1],
    [0.05, 0.05, 0.9],
    [0.2, 0.5, 0.3],
    [0.1, 0.1, 0.8],
    [0.2, 0.3, 0.5],
  ]);

  it('lists the wrong rows, most confident mistake first, with the true label probability', () => {
    const rows = misclassifiedRows(yTrue, yPred, proba, classes);
    expect(rows.map((row) => row.row)).toEqual([3, 1, 4, 6]);
    expect(rows[0]).toEqual({
      row: 3,
      trueLabel: 'b',
      predicted: 'c',
      confidence: 0.9,
      trueLabelProbability: 0.05,
    });
  });

  it('counts confusion pairs with their share of the errors', () => {
    const pairs = confusionPairs(yTrue, yPred, classes);
    expect(pairs[0]).toEqual({ trueLabel: 'b', predicted: 'c', count: 2, shareOfErrors: 0.5 });
    expect(pairs.reduce((sum, pair) => sum + pair.shareOfErrors, 0)).toBeCloseTo(1, 12);
  });
});

describe('confident learning', () => {
  it('flags a row whose given label is below its class threshold while another class reaches its own', () => {
    const yTrue = Int32Array.from([0, 0, 0, 1, 1, 1, 1]);
    const proba = matrixFromRows([
      [0.9, 0.1],
      [0.8, 0.2],
      [0.1, 0.9], // labelled x, the model is sure it is y
      [0.2, 0.8],
      [0.3, 0.7],
      [0.55, 0.45], // below t_y = 0.5, but p(x) = 0.55 does not reach t_x = 0.6: unsure, not suspect
      [0.95, 0.05], // labelled y, the model is sure it is x: the most suspicious
    ]);
    const { thresholds, suspects } = findLabelIssues(yTrue, proba, ['x', 'y']);
    expect(thresholds[0]).toBeCloseTo(0.6, 12);
    expect(thresholds[1]).toBeCloseTo(0.5, 12);
    expect(suspects.map((suspect) => suspect.row)).toEqual([6, 2]);
    expect(suspects[1]).toMatchObject({ givenLabel: 'x', suggestedLabel: 'y' });
    expect(suspects[0].margin).toBeCloseTo(-0.9, 12);
    expect(suspects[1].margin).toBeCloseTo(-0.8, 12);
  });
});
