import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../../src/core/matrix.js';
import {
  accuracy,
  binaryCalibration,
  binomialUpperTail,
  bootstrapCi,
  chiSquared1Survival,
  mcnemarTest,
  percentile,
  precisionRecallFScore,
  resampleScores,
  topLabelCalibration,
} from '../../src/metrics/index.js';

interface CalibrationCase {
  readonly n_bins: number;
  readonly prob_true: number[];
  readonly prob_pred: number[];
  readonly counts: number[];
  readonly ece: number;
}

/** Written by test/fixtures/metric-statistics/make_metric_statistics.py (sklearn 1.2.1, scipy 1.10.1). */
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/metric-statistics/metric_statistics.json', import.meta.url), 'utf8'),
) as {
  bootstrap: {
    y_true: number[];
    y_pred: number[];
    resamples: { rows: number[]; accuracy: number; f1_macro: number; f1_weighted: number }[];
    percentile_values: number[];
    percentiles: Record<string, number>;
  };
  calibration: {
    binary: { y_true: number[]; prob: number[]; cases: CalibrationCase[] };
    top_label: { y_true: number[]; proba: number[][]; cases: CalibrationCase[] };
  };
  mcnemar: {
    y_true: number[];
    first: number[];
    second: number[];
    b: number;
    c: number;
    method: string;
    statistic: number;
    p_value: number;
  }[];
  binomial_upper_tail: { k: number; n: number; p: number; upper: number }[];
  chi2_sf_df1: { x: number; sf: number }[];
};

const codes = (values: number[]): Int32Array => Int32Array.from(values);

function expectBinsMatch(
  bins: readonly { count: number; meanConfidence: number; accuracy: number }[],
  expected: CalibrationCase,
) {
  expect(bins.map((bin) => bin.count)).toEqual(expected.counts);
  const filled = bins.filter((bin) => bin.count > 0);
  filled.forEach((bin, b) => {
    expect(bin.accuracy).toBeCloseTo(expected.prob_true[b], 12);
    expect(bin.meanConfidence).toBeCloseTo(expected.prob_pred[b], 12);
  });
}

describe('bootstrap confidence intervals', () => {
  const { y_true, y_pred } = fixture.bootstrap;
  const yTrue = codes(y_true);
  const yPred = codes(y_pred);

  it("scores each resample as sklearn's accuracy_score and f1_score (macro, weighted)", () => {
    for (const resample of fixture.bootstrap.resamples) {
      const scores = resampleScores(yTrue, yPred, 3, codes(resample.rows));
      expect(scores.accuracy).toBeCloseTo(resample.accuracy, 12);
      expect(scores.f1Macro).toBeCloseTo(resample.f1_macro, 12);
      expect(scores.f1Weighted).toBeCloseTo(resample.f1_weighted, 12);
    }
  });

  it("takes percentiles as numpy's default linear interpolation", () => {
    const sorted = Float64Array.from(fixture.bootstrap.percentile_values).sort();
    for (const [q, value] of Object.entries(fixture.bootstrap.percentiles)) {
      expect(percentile(sorted, Number(q))).toBe(value);
    }
  });

  it('brackets the point estimates, is reproducible by seed and about as wide as the normal interval', () => {
    const cis = bootstrapCi(yTrue, yPred, 3, { nBoot: 2000, seed: 3 });
    expect(cis.accuracy.estimate).toBe(accuracy(yTrue, yPred));
    expect(cis.f1Macro.estimate).toBeCloseTo(
      precisionRecallFScore(yTrue, yPred, 3, { average: 'macro' }).fScore,
      12,
    );
    for (const interval of [cis.accuracy, cis.f1Macro, cis.f1Weighted]) {
      expect(interval.low).toBeLessThanOrEqual(interval.estimate);
      expect(interval.high).toBeGreaterThanOrEqual(interval.estimate);
    }
    const p = cis.accuracy.estimate;
    const normalWidth = 2 * 1.96 * Math.sqrt((p * (1 - p)) / yTrue.length);
    expect((cis.accuracy.high - cis.accuracy.low) / normalWidth).toBeGreaterThan(0.8);
    expect((cis.accuracy.high - cis.accuracy.low) / normalWidth).toBeLessThan(1.2);
    expect(bootstrapCi(yTrue, yPred, 3, { nBoot: 2000, seed: 3 })).toEqual(cis);
    expect(bootstrapCi(yTrue, yPred, 3, { nBoot: 2000, seed: 4 })).not.toEqual(cis);
  });

  it('rejects a bad resample count with a typed error', () => {
    expect(() => bootstrapCi(yTrue, yPred, 3, { nBoot: 0 })).toThrow(/nBoot/);
  });
});

describe('calibration', () => {
  it("bins P(positive) as sklearn's calibration_curve(strategy='uniform'), edges going to the lower bin", () => {
    const { y_true, prob, cases } = fixture.calibration.binary;
    for (const expected of cases) {
      const result = binaryCalibration(codes(y_true), Float64Array.from(prob), 2, { nBins: expected.n_bins });
      expect(result.kind).toBe('binary');
      expectBinsMatch(result.bins, expected);
      expect(result.ece).toBeCloseTo(expected.ece, 12);
      expect(result.bins[0].low).toBe(0);
      expect(result.bins.at(-1)?.high).toBe(1);
    }
  });

  it('bins top-label confidence against correctness for a multiclass model', () => {
    const { y_true, proba, cases } = fixture.calibration.top_label;
    const matrix = matrixFromRows(proba);
    const yPred = Int32Array.from(proba, (row) => row.indexOf(Math.max(...row)));
    for (const expected of cases) {
      const result = topLabelCalibration(codes(y_true), yPred, matrix, { nBins: expected.n_bins });
      expectBinsMatch(result.bins, expected);
      expect(result.ece).toBeCloseTo(expected.ece, 12);
      expect(result.mce).toBeGreaterThanOrEqual(result.ece);
    }
  });

  it('has zero ECE for a perfectly calibrated constant forecast', () => {
    const yTrue = codes([1, 0, 1, 0]);
    expect(binaryCalibration(yTrue, Float64Array.from([0.5, 0.5, 0.5, 0.5]), 2).ece).toBe(0);
  });
});

describe("McNemar's test", () => {
  it('matches scipy: exact binomial below 25 discordant rows, corrected chi-square above', () => {
    for (const expected of fixture.mcnemar) {
      const result = mcnemarTest(codes(expected.y_true), codes(expected.first), codes(expected.second), 2);
      expect(result.onlyFirstCorrect).toBe(expected.b);
      expect(result.onlySecondCorrect).toBe(expected.c);
      expect(result.method).toBe(expected.method);
      expect(result.statistic).toBeCloseTo(expected.statistic, 12);
      expect(result.pValue).toBeCloseTo(expected.p_value, 12);
      expect(result.onlyFirstCorrect + result.onlySecondCorrect + result.bothCorrect + result.bothWrong).toBe(
        expected.y_true.length,
      );
    }
  });

  it('gives p = 1 when the models never disagree', () => {
    const y = codes([0, 1, 1, 0]);
    expect(mcnemarTest(y, y, y, 2).pValue).toBe(1);
  });

  it("computes binomial tails and χ²(1) survival as scipy's binom.sf and chi2.sf", () => {
    for (const { k, n, p, upper } of fixture.binomial_upper_tail) {
      expect(Math.abs(binomialUpperTail(k, n, p) - upper) / upper).toBeLessThan(1e-10);
    }
    for (const { x, sf } of fixture.chi2_sf_df1) {
      expect(Math.abs(chiSquared1Survival(x) - sf) / sf).toBeLessThan(1e-10);
    }
  });
});
