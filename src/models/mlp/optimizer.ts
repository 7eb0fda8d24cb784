import type { MlpParams } from './mlp-params.js';

/**
 * sklearn's stochastic optimizers over a list of parameter arrays (the weights, then the biases):
 * adam (bias-corrected step lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) on m / (√v + ε)) and sgd with momentum or
 * Nesterov's momentum, whose learning rate follows the 'constant', 'invscaling' or 'adaptive' schedule.
 */
export interface Optimizer {
  /** One step: params[a] += update(grads[a]). */
  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void;
  /** End of an epoch, after `samplesSeen` samples in all (invscaling's time step). */
  epochEnds(samplesSeen: number): void;
  /** No improvement for too long: true to stop; adaptive sgd instead divides its rate by 5 (until 1e-6). */
  shouldStop(): boolean;
  readonly learningRate: () => number;
}

export function createOptimizer(params: MlpParams, shapes: readonly number[]): Optimizer {
  const first = shapes.map((length) => new Float64Array(length));
  let rate = params.learning_rate_init;
  if (params.solver === 'adam') {
    const second = shapes.map((length) => new Float64Array(length));
    const { beta_1: b1, beta_2: b2, epsilon } = params;
    let t = 0;
    return {
      step(values, grads) {
        t++;
        const stepSize = (rate * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
        for (let a = 0; a < values.length; a++) {
          const p = values[a];
          const g = grads[a];
          const m = first[a];
          const v = second[a];
          for (let k = 0; k < p.length; k++) {
            const gk = g[k];
            const mk = b1 * m[k] + (1 - b1) * gk;
            const vk = b2 * v[k] + (1 - b2) * gk * gk;
            m[k] = mk;
            v[k] = vk;
            p[k] -= (stepSize * mk) / (Math.sqrt(vk) + epsilon);
          }
        }
      },
      epochEnds() {},
      shouldStop: () => true,
      learningRate: () => rate,
    };
  }
  const { momentum, nesterovs_momentum: nesterov } = params;
  return {
    step(values, grads) {
      for (let a = 0; a < values.length; a++) {
        const p = values[a];
        const g = grads[a];
        const velocity = first[a];
        for (let k = 0; k < p.length; k++) {
          const v = momentum * velocity[k] - rate * g[k];
          velocity[k] = v;
          p[k] += nesterov ? momentum * v - rate * g[k] : v;
        }
      }
    },
    epochEnds(samplesSeen) {
      if (params.learning_rate === 'invscaling')
        rate = params.learning_rate_init / (samplesSeen + 1) ** params.power_t;
    },
    shouldStop() {
      if (params.learning_rate !== 'adaptive' || rate <= 1e-6) return true;
      rate /= 5;
      return false;
    },
    learningRate: () => rate,
  };
}
