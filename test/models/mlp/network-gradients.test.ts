import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import type { Activation } from '../../../src/linalg/activations.js';
import {
  backward,
  createWorkspace,
  forward,
  initNetwork,
  type Network,
} from '../../../src/models/mlp/network.js';

/**
 * The batch objective is mean log loss + ½·α·Σ‖W‖² / n. Its analytic gradient (backward) must match
 * central finite differences in every weight and bias, for each activation, a softmax and a logistic
 * output, and two hidden layers (so deltas pass through a hidden layer's derivative).
 */
function objective(
  network: Network,
  inputs: Float64Array,
  codes: Int32Array,
  n: number,
  alpha: number,
): number {
  const ws = createWorkspace(network, n);
  ws.acts[0].set(inputs);
  const logLoss = forward(network, ws, n, codes) / n;
  let squares = 0;
  for (const W of network.weights) for (const w of W) squares += w * w;
  return logLoss + (0.5 * alpha * squares) / n;
}

const CASES: { activation: Activation; sizes: number[] }[] = [
  { activation: 'relu', sizes: [5, 7, 3] },
  { activation: 'tanh', sizes: [5, 6, 4, 3] },
  { activation: 'logistic', sizes: [5, 9, 1] },
  { activation: 'identity', sizes: [5, 3, 4] },
];

describe('MLP backpropagation', () => {
  for (const { activation, sizes } of CASES) {
    it(`matches finite differences (${activation}, layers ${sizes.join('-')})`, () => {
      const rng = createRng(7);
      const network = initNetwork(sizes, activation, rng);
      const n = 11;
      const classes = Math.max(2, sizes[sizes.length - 1]);
      const inputs = Float64Array.from({ length: n * sizes[0] }, () => rng.normal());
      const codes = Int32Array.from({ length: n }, (_, i) => i % classes);
      const alpha = 0.3;
      const ws = createWorkspace(network, n);
      ws.acts[0].set(inputs);
      forward(network, ws, n, codes);
      backward(network, ws, n, alpha);
      const h = 1e-6;
      const check = (values: Float64Array, analytic: Float64Array) => {
        for (let k = 0; k < values.length; k++) {
          const saved = values[k];
          values[k] = saved + h;
          const up = objective(network, inputs, codes, n, alpha);
          values[k] = saved - h;
          const down = objective(network, inputs, codes, n, alpha);
          values[k] = saved;
          const numeric = (up - down) / (2 * h);
          expect(Math.abs(analytic[k] - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        }
      };
      for (const [l, W] of network.weights.entries()) check(W, ws.weightGrads[l]);
      for (const [l, b] of network.biases.entries()) check(b, ws.biasGrads[l]);
    });
  }

  it('initialises as sklearn does: uniform within ±√(6 / (in + out)), ±√(2 / (in + out)) for logistic', () => {
    for (const activation of ['relu', 'logistic'] as const) {
      const network = initNetwork([20, 30, 4], activation, createRng(0));
      network.weights.forEach((W, l) => {
        const bound = Math.sqrt((activation === 'logistic' ? 2 : 6) / ([20, 30, 4][l] + [20, 30, 4][l + 1]));
        const max = Math.max(...W.map(Math.abs));
        expect(max).toBeLessThanOrEqual(bound);
        expect(max).toBeGreaterThan(0.9 * bound);
      });
    }
  });
});
