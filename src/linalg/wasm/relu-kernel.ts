import { encodeModule, I32, op, V128 } from './wasm-encoder.js';

/**
 * `run(h, delta, pairs)`: delta[k] = 0 where h[k] ≤ 0, for 2·pairs doubles at byte addresses h and
 * delta — relu's derivative without the branch that JS takes per element (mispredicted half the time
 * on a hidden layer's activations). A NaN h keeps its delta, as the JS loop's `h <= 0` test does.
 */
export function reluDerivativeModule(): Uint8Array {
  const [H, D, PAIRS, MASK] = [0, 1, 2, 3];
  const body = [
    ...op.block,
    ...op.loop,
    ...op.get(PAIRS),
    ...op.eqz,
    ...op.brIf(1),
    ...op.get(H),
    ...op.v128Load(0),
    ...op.v128Zero,
    ...op.f64x2Le,
    ...op.set(MASK),
    ...op.get(D),
    ...op.get(D),
    ...op.v128Load(0),
    ...op.get(MASK),
    ...op.v128AndNot,
    ...op.v128Store(0),
    ...op.get(H),
    ...op.i32(16),
    ...op.add,
    ...op.set(H),
    ...op.get(D),
    ...op.i32(16),
    ...op.add,
    ...op.set(D),
    ...op.get(PAIRS),
    ...op.i32(1),
    ...op.sub,
    ...op.set(PAIRS),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
  return encodeModule([{ name: 'run', params: [I32, I32, I32], locals: [V128], body }]);
}
