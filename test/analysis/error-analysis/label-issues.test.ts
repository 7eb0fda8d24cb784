import { describe, expect, it } from 'vitest';
import { findLabelIssues } from '../../../src/analysis/index.js';
import { buildModel } from '../../../src/catalog/index.js';
import { matrixFromRows } from '../../../src/core/matrix.js';
import { createRng } from '../../../src/core/rng.js';
import { crossValidate } from '../../../src/selection/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';

/** Three Gaussian classes in 4 dimensions, centres 3 σ apart; 5 % of the labels moved at known rows. */
function blobsWithPlantedNoise(n: number, noiseRate: number, seed: number) {
  const rng = createRng(seed);
  const k = 3;
  const d = 4;
  const data = new Float64Array(n * d);
  const clean = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    clean[i] = i % k;
    for (let j = 0; j < d; j++) data[i * d + j] = rng.normal() + (j === clean[i] ? 3 : 0);
  }
  const noisy = Int32Array.from(clean);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  const flipped = order.slice(0, Math.round(noiseRate * n)).sort((a, b) => a - b);
  for (const row of flipped) noisy[row] = (clean[row] + 1 + rng.int(k - 1)) % k;
  const features = {
    rows: n,
    cols: d,
    data,
    columns: Array.from({ length: d }, (_, j) => ({ name: `x${j}`, kind: 'numeric' as const })),
  };
  return { features, labels: { classes: ['a', 'b', 'c'], codes: noisy }, flipped: new Set(flipped) };
}

describe('confident learning (prune by noise rate)', () => {
  it('calibrates the confident joint to the class counts and flags one row per off-diagonal count', () => {
    const yTrue = Int32Array.from([0, 0, 0, 1, 1, 1, 1]);
    const proba = matrixFromRows([
      [0.9, 0.1],
      [0.8, 0.2],
      [0.1, 0.9],
      [0.2, 0.8],
      [0.3, 0.7],
      [0.55, 0.45],
      [0.95, 0.05],
    ]);
    // By hand: t = (0.6, 0.5); confident joint [[2, 1], [1, 2]] (row 5 reaches no threshold); row 1
    // rescaled to its 4 rows gives [1.33, 2.67] → [1, 3]; one row pruned per off-diagonal cell.
    const issues = findLabelIssues(yTrue, proba, ['x', 'y']);
    expect(Array.from(issues.confidentJoint)).toEqual([2, 1, 1, 3]);
    expect(issues.estimatedErrors).toBe(2);
    expect(issues.suspects.map((suspect) => suspect.row)).toEqual([6, 2]);
  });

  it('never flags a row whose argmax is its given label, however low its threshold', () => {
    const yTrue = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const proba = matrixFromRows([
      [0.9, 0.1],
      [0.9, 0.1],
      [0.52, 0.48], // below t_0 and above t_1, yet predicted as its label
      [0.1, 0.9],
      [0.2, 0.8],
      [0.3, 0.7],
    ]);
    const issues = findLabelIssues(yTrue, proba, ['x', 'y']);
    expect(issues.suspects.map((suspect) => suspect.row)).not.toContain(2);
  });

  it('finds planted 5 % noise with precision and recall ≥ 0.6, flagging about the estimated count', async () => {
    const { features, labels, flipped } = blobsWithPlantedNoise(900, 0.05, 7);
    const model = buildModel([{ name: 'logreg', params: {} }]);
    const cv = stratifiedKFold(labels.codes, 5, { shuffle: true, seed: 0 }).folds;
    const result = await crossValidate(model, features, labels, { cv, returnPredictions: true });
    const issues = findLabelIssues(labels.codes, result.outOfFold!.proba, labels.classes);
    const flagged = issues.suspects.map((suspect) => suspect.row);
    const hits = flagged.filter((row) => flipped.has(row)).length;
    const precision = hits / flagged.length;
    const recall = hits / flipped.size;
    expect(precision).toBeGreaterThanOrEqual(0.6);
    expect(recall).toBeGreaterThanOrEqual(0.6);
    // The flagged count follows the noise estimate, not every row below its threshold (issue 14, seen 7).
    expect(flagged.length).toBeLessThanOrEqual(issues.estimatedErrors);
    expect(flagged.length).toBeLessThan(2 * flipped.size);
    expect(Math.abs(issues.estimatedErrors - flipped.size)).toBeLessThan(0.5 * flipped.size);
  });

  it('flags nothing like 13 % on clean labels', async () => {
    const { features, labels } = blobsWithPlantedNoise(900, 0, 8);
    const model = buildModel([{ name: 'logreg', params: {} }]);
    const cv = stratifiedKFold(labels.codes, 5, { shuffle: true, seed: 0 }).folds;
    const result = await crossValidate(model, features, labels, { cv, returnPredictions: true });
    const issues = findLabelIssues(labels.codes, result.outOfFold!.proba, labels.classes);
    // Bayes error of these blobs is about 3 %: the flagged rows are at most the rows the model gets wrong.
    const errors = labels.codes.filter((code, i) => code !== result.outOfFold!.predicted[i]).length;
    expect(issues.suspects.length).toBeLessThanOrEqual(errors);
    expect(issues.suspects.length / 900).toBeLessThan(0.05);
  });
});
