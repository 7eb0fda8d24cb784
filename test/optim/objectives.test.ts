import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { createBinaryLogisticObjective } from '../../src/optim/binary-logistic-objective.js';
import type { LogisticData } from '../../src/optim/logistic-data.js';
import { createMultinomialLogisticObjective } from '../../src/optim/multinomial-logistic-objective.js';
import type { SmoothObjective } from '../../src/optim/objective.js';

const rng = createRng(7);
// An odd row count exercises the kernels' unpaired last row; 7 columns their unrolled remainders.
const rows = 41;
const cols = 7;
const X = Float64Array.from({ length: rows * cols }, () => 2 * rng.normal());
const weights = Float64Array.from({ length: rows }, () => 0.5 + rng.next());
const codes = Int32Array.from({ length: rows }, () => rng.int(3));
const codes7 = Int32Array.from({ length: rows }, () => rng.int(7));
const targets = Float64Array.from(codes, (c) => (c === 1 ? 1 : -1));

/**
 * max_j |∇f_j − D_j| / max(1, |∇f_j|), D_j the five-point central difference
 * (−f(w + 2h·e_j) + 8f(w + h·e_j) − 8f(w − h·e_j) + f(w − 2h·e_j)) / 12h: truncation error O(h⁴), so a
 * large h keeps the round-off of f (ε·|f|/h) far below the tolerance.
 */
function finiteDifferenceError(objective: SmoothObjective, w: Float64Array): number {
  const n = objective.dimension;
  const grad = new Float64Array(n);
  const scratch = new Float64Array(n);
  objective.evaluate(w, grad);
  const at = (j: number, delta: number): number => {
    const moved = Float64Array.from(w);
    moved[j] += delta;
    return objective.evaluate(moved, scratch);
  };
  let worst = 0;
  for (let j = 0; j < n; j++) {
    const h = 1e-3 * Math.max(1, Math.abs(w[j]));
    const numeric = (-at(j, 2 * h) + 8 * at(j, h) - 8 * at(j, -h) + at(j, -2 * h)) / (12 * h);
    worst = Math.max(worst, Math.abs(grad[j] - numeric) / Math.max(1, Math.abs(grad[j])));
  }
  return worst;
}

const variants = [
  { name: 'intercept 1, unpenalised', interceptFeature: 1, penalizeIntercept: false, strength: 0.3 },
  {
    name: 'liblinear intercept_scaling 2.5, penalised',
    interceptFeature: 2.5,
    penalizeIntercept: true,
    strength: 0.3,
  },
  { name: 'no intercept, no penalty', interceptFeature: 0, penalizeIntercept: false, strength: 0 },
];

describe('logistic objectives: gradient matches central finite differences', () => {
  it.each(variants)('binary, $name', ({ interceptFeature, penalizeIntercept, strength }) => {
    const data: LogisticData = { X, rows, cols, sampleWeights: weights, interceptFeature };
    const objective = createBinaryLogisticObjective({ ...data, targets }, { strength, penalizeIntercept });
    const w = Float64Array.from({ length: objective.dimension }, () => rng.normal());
    expect(finiteDifferenceError(objective, w)).toBeLessThan(1e-9);
  });

  it.each(variants)('multinomial, $name', ({ interceptFeature, penalizeIntercept, strength }) => {
    const data: LogisticData = { X, rows, cols, sampleWeights: weights, interceptFeature };
    // 2, 3, 4, 5 and 7 classes cover every mix of the kernels' 1-, 2- and 3-class blocks.
    for (const classCount of [2, 3, 4, 5, 7]) {
      const objective = createMultinomialLogisticObjective(
        { ...data, codes: classCount === 7 ? codes7 : codes.map((c) => c % classCount), classCount },
        { strength, penalizeIntercept },
      );
      const w = Float64Array.from({ length: objective.dimension }, () => rng.normal());
      expect(finiteDifferenceError(objective, w), `${classCount} classes`).toBeLessThan(1e-9);
    }
  });

  it('multinomial value equals the direct formula', () => {
    const K = 4;
    const objective = createMultinomialLogisticObjective(
      {
        X,
        rows,
        cols,
        sampleWeights: weights,
        interceptFeature: 1,
        codes: codes.map((c) => c % K),
        classCount: K,
      },
      { strength: 0, penalizeIntercept: false },
    );
    const W = Float64Array.from({ length: objective.dimension }, () => rng.normal());
    let direct = 0;
    for (let i = 0; i < rows; i++) {
      const z = Array.from({ length: K }, (_, k) => {
        let sum = W[k * (cols + 1) + cols];
        for (let j = 0; j < cols; j++) sum += X[i * cols + j] * W[k * (cols + 1) + j];
        return sum;
      });
      direct += weights[i] * (Math.log(z.reduce((a, v) => a + Math.exp(v), 0)) - z[codes[i] % K]);
    }
    expect(objective.evaluate(W, new Float64Array(W.length))).toBeCloseTo(direct, 11);
  });

  it('multinomial value equals the max-shifted formula for huge scores, uniform or varying weights', () => {
    // Scores up to ~1e3 take the kernels' shifted branch (relative scores above 300) and end runs of
    // the product of per-row sums early; uniform weights make one run of the whole block.
    const uniform = new Float64Array(rows).fill(1 / rows);
    for (const K of [3, 4]) {
      for (const sampleWeights of [uniform, weights]) {
        for (const scale of [1, 30, 300]) {
          const classCodes = codes.map((c) => c % K);
          const objective = createMultinomialLogisticObjective(
            { X, rows, cols, sampleWeights, interceptFeature: 1, codes: classCodes, classCount: K },
            { strength: 0, penalizeIntercept: false },
          );
          const W = Float64Array.from({ length: objective.dimension }, () => scale * rng.normal());
          let direct = 0;
          for (let i = 0; i < rows; i++) {
            const z = Array.from({ length: K }, (_, k) => {
              let sum = W[k * (cols + 1) + cols];
              for (let j = 0; j < cols; j++) sum += X[i * cols + j] * W[k * (cols + 1) + j];
              return sum;
            });
            const max = Math.max(...z);
            const lse = max + Math.log(z.reduce((a, v) => a + Math.exp(v - max), 0));
            direct += sampleWeights[i] * (lse - z[classCodes[i]]);
          }
          const grad = new Float64Array(W.length);
          const value = objective.evaluate(W, grad);
          const label = `${K} classes, scale ${scale}`;
          expect(Math.abs(value - direct) / Math.max(1, Math.abs(direct)), label).toBeLessThan(1e-13);
          expect(grad.every(Number.isFinite), label).toBe(true);
        }
      }
    }
  });

  it('binary loss stays finite for huge margins and equals the direct formula for small ones', () => {
    const data = {
      X: Float64Array.of(1e3, -1e3, 0.5),
      rows: 3,
      cols: 1,
      sampleWeights: Float64Array.of(1, 1, 1),
    };
    const objective = createBinaryLogisticObjective(
      { ...data, interceptFeature: 0, targets: Float64Array.of(-1, -1, 1) },
      { strength: 0, penalizeIntercept: false },
    );
    const grad = new Float64Array(1);
    const value = objective.evaluate(Float64Array.of(1), grad);
    expect(value).toBeCloseTo(1e3 + Math.log1p(Math.exp(-1e3)) + Math.log1p(Math.exp(-0.5)), 10);
    expect(Number.isFinite(grad[0])).toBe(true);
  });

  it('multinomial with two classes equals the binary loss on the score difference', () => {
    const data: LogisticData = { X, rows, cols, sampleWeights: weights, interceptFeature: 1 };
    const binaryCodes = Int32Array.from(targets, (t) => (t > 0 ? 1 : 0));
    const multi = createMultinomialLogisticObjective(
      { ...data, codes: binaryCodes, classCount: 2 },
      { strength: 0, penalizeIntercept: false },
    );
    const binary = createBinaryLogisticObjective(
      { ...data, targets },
      { strength: 0, penalizeIntercept: false },
    );
    const w = Float64Array.from({ length: cols + 1 }, () => rng.normal());
    const W = new Float64Array(2 * (cols + 1));
    W.set(w, cols + 1);
    expect(multi.evaluate(W, new Float64Array(W.length))).toBeCloseTo(
      binary.evaluate(w, new Float64Array(w.length)),
      12,
    );
  });
});
