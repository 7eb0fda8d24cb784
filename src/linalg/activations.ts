/**
 * Hidden-layer activations of a multilayer perceptron and their derivatives, in place over a range of
 * a Float64Array. The derivatives are written in terms of the activated values h = f(z), as sklearn's
 * `DERIVATIVES` are: relu' = [h > 0], tanh' = 1 − h², logistic' = h·(1 − h).
 */
export type Activation = 'identity' | 'relu' | 'tanh' | 'logistic';

/** z ← f(z) for the first `length` values. */
export function activateInPlace(activation: Activation, z: Float64Array, length: number): void {
  switch (activation) {
    case 'identity':
      return;
    case 'relu':
      for (let k = 0; k < length; k++) if (z[k] < 0) z[k] = 0;
      return;
    case 'tanh':
      for (let k = 0; k < length; k++) z[k] = Math.tanh(z[k]);
      return;
    case 'logistic':
      for (let k = 0; k < length; k++) {
        const v = z[k];
        // Branch on the sign so exp never overflows (σ(v) = e^v / (1 + e^v) for v < 0).
        if (v >= 0) z[k] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v);
          z[k] = e / (1 + e);
        }
      }
      return;
  }
}

/** delta ← delta ⊙ f'(z), with f'(z) read from the activated values `h` (first `length` values). */
export function multiplyByDerivative(
  activation: Activation,
  h: Float64Array,
  delta: Float64Array,
  length: number,
): void {
  switch (activation) {
    case 'identity':
      return;
    case 'relu':
      for (let k = 0; k < length; k++) if (h[k] <= 0) delta[k] = 0;
      return;
    case 'tanh':
      for (let k = 0; k < length; k++) delta[k] *= 1 - h[k] * h[k];
      return;
    case 'logistic':
      for (let k = 0; k < length; k++) delta[k] *= h[k] * (1 - h[k]);
      return;
  }
}
