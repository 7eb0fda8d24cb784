import { describe, expect, it } from 'vitest';
import { analyseErrors, type ErrorAnalysis } from '../../../src/analysis/index.js';
import { buildModel } from '../../../src/catalog/index.js';
import { loadExample } from '../../../src/data/index.js';
import { averagePrecision, rocAuc } from '../../../src/metrics/index.js';
import { crossValidate } from '../../../src/selection/index.js';

const scaledLogreg = () =>
  buildModel([
    { name: 'scale', params: {} },
    { name: 'logreg', params: {} },
  ]);

const iris = await loadExample('iris');
/** Rows 0-based; each moved to a class it clearly is not (setosa ↔ the others). */
const FLIPS: readonly (readonly [number, string])[] = [
  [10, 'virginica'],
  [30, 'versicolor'],
  [60, 'setosa'],
  [120, 'setosa'],
];

function withFlippedLabels(): typeof iris {
  const codes = Int32Array.from(iris.labels.codes);
  for (const [row, label] of FLIPS) codes[row] = iris.labels.classes.indexOf(label);
  return { ...iris, labels: { classes: iris.labels.classes, codes } };
}

describe('analyseErrors on iris', () => {
  it('ranks deliberately flipped labels at the top of the suspected label errors', async () => {
    const analysis = await analyseErrors(scaledLogreg(), withFlippedLabels());
    const top = analysis.suspectedLabelErrors.slice(0, FLIPS.length);
    expect(new Set(top.map((suspect) => suspect.row))).toEqual(new Set(FLIPS.map(([row]) => row)));
    for (const suspect of top) {
      const original = iris.labels.classes[iris.labels.codes[suspect.row]];
      expect(suspect.suggestedLabel).toBe(original);
      expect(suspect.margin).toBeLessThan(-0.5);
    }
    const finding = analysis.findings.find((entry) => entry.kind === 'label-errors');
    expect(finding?.message).toMatch(/look mislabelled by confident learning/);
  });

  it('gives a typed analysis whose parts agree with each other', async () => {
    const analysis = await analyseErrors(scaledLogreg(), iris, { nBoot: 200 });
    expectConsistent(analysis);
    expect(analysis.errorCount).toBe(6);
    expect(analysis.bootstrap.accuracy.estimate).toBeCloseTo(0.96, 12);
    expect(analysis.confusionPairs.map((pair) => [pair.trueLabel, pair.predicted]).sort()).toEqual([
      ['versicolor', 'virginica'],
      ['virginica', 'versicolor'],
    ]);
    expect(analysis.calibration.kind).toBe('top-label');
    expect(analysis.curves.map((curve) => curve.label)).toEqual(iris.labels.classes);
    for (const curve of analysis.curves) expect(curve.pr.recall.at(-1)).toBe(0);
    expect(analysis.baselineComparison?.baseline).toBe('most-frequent class');
    expect(analysis.baselineComparison?.mcnemar.method).toBe('chi-square-corrected');
    expect(analysis.baselineComparison?.mcnemar.pValue).toBeLessThan(1e-10);
    expect(analysis.findings.map((finding) => finding.kind)).toEqual([
      'overview',
      'confusion-pair',
      'confusion-pair',
      'calibration',
      'baseline',
    ]);
    expect(analysis.findings[1].message).toMatch(/^50 % of errors \(3\) are/);
    expect(await analyseErrors(scaledLogreg(), iris, { nBoot: 200 })).toEqual(analysis);
  });

  it('rejects more folds than the smallest class has rows', async () => {
    await expect(analyseErrors(scaledLogreg(), iris, { folds: 51 })).rejects.toMatchObject({
      code: 'too_few_per_class',
    });
  });
});

describe('analyseErrors on breast_cancer (binary)', () => {
  it('calibrates P(positive), compares with a model baseline and reports confidently wrong rows', async () => {
    const dataset = await loadExample('breast_cancer');
    const analysis = await analyseErrors(scaledLogreg(), dataset, {
      nBoot: 200,
      baseline: buildModel([{ name: 'gnb', params: {} }]),
    });
    expectConsistent(analysis);
    expect(analysis.calibration.kind).toBe('binary');
    const [positive] = analysis.curves;
    expect(analysis.curves).toHaveLength(1);
    const { predicted, proba } = await outOfFold(dataset);
    const scores = Float64Array.from({ length: proba.rows }, (_, i) => proba.data[i * 2 + 1]);
    expect(positive.roc.auc).toBeCloseTo(rocAuc(dataset.labels.codes, scores), 12);
    expect(positive.pr.averagePrecision).toBeCloseTo(
      averagePrecision(dataset.labels.codes, scores, 2).value,
      12,
    );
    expect(analysis.misclassified).toHaveLength(countErrors(dataset.labels.codes, predicted));
    expect(analysis.baselineComparison?.baseline).toBe('gaussian-nb');
    expect(analysis.misclassified[0].confidence).toBeGreaterThanOrEqual(
      analysis.misclassified.at(-1)?.confidence ?? 1,
    );
    expect(analysis.findings.some((finding) => finding.kind === 'confidently-wrong')).toBe(true);
  });
});

/** The same out-of-fold predictions analyseErrors makes (5 unshuffled stratified folds). */
async function outOfFold(dataset: typeof iris) {
  const result = await crossValidate(scaledLogreg(), dataset.features, dataset.labels, {
    cv: 5,
    returnPredictions: true,
  });
  if (!result.outOfFold) throw new Error('no out-of-fold predictions');
  return result.outOfFold;
}

function countErrors(yTrue: Int32Array, predicted: Int32Array): number {
  let errors = 0;
  for (let i = 0; i < yTrue.length; i++) errors += yTrue[i] === predicted[i] ? 0 : 1;
  return errors;
}

function expectConsistent(analysis: ErrorAnalysis): void {
  const { rows } = analysis.dataset;
  expect(analysis.misclassified).toHaveLength(analysis.errorCount);
  expect(analysis.errorRate).toBeCloseTo(analysis.errorCount / rows, 12);
  expect(analysis.bootstrap.accuracy.estimate).toBeCloseTo(1 - analysis.errorRate, 12);
  expect(analysis.confusionPairs.reduce((sum, pair) => sum + pair.count, 0)).toBe(analysis.errorCount);
  expect(analysis.calibration.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(rows);
  for (const finding of analysis.findings) {
    expect(finding.message).toMatch(/\d/);
    expect(finding.suggestion.length).toBeGreaterThan(10);
  }
  const mcnemar = analysis.baselineComparison?.mcnemar;
  if (mcnemar) {
    expect(
      mcnemar.bothCorrect + mcnemar.bothWrong + mcnemar.onlyFirstCorrect + mcnemar.onlySecondCorrect,
    ).toBe(rows);
  }
}
