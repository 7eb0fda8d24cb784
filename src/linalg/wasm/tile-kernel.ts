import { encodeModule, I32, op, V128 } from './wasm-encoder.js';

/**
 * One product of a dense layer with every size known, as a row-major loop nest over byte addresses:
 * out[a, b] = init[b] + Σ_k S[a, k]·V[k, b] for a < rows, b < cols, k < depth, where S[a, k] sits at
 * s + a·sRow + k·sStep, V[k, b] at v + k·vStep + 8b, out[a, b] at out + a·outRow + 8b, and init is
 * the bias row (forward) or 0. The three layer products are this one with other strides (see
 * wasm-dense-layers.ts).
 */
export interface ProductShape {
  readonly rows: number;
  readonly cols: number;
  readonly depth: number;
  readonly sRow: number;
  readonly sStep: number;
  readonly vStep: number;
  readonly outRow: number;
  readonly bias: boolean;
  /** Store max(out, 0) — relu, fused — leaving −0 and NaN as the JS `z < 0` test does. */
  readonly relu: boolean;
}

/**
 * Tiles of R rows x C f64x2 vectors: 12 accumulators, 3 vector loads and a splat fill x64's 16 xmm
 * registers (measured ~10.6 GFLOP/s on 64 x 50 -> 100 against 5.3 for the JS 3 x 4 tiles).
 */
const R = 4;
const C = 3;

// Parameter and local indices.
const S0 = 0;
const V0 = 1;
const OUT0 = 2;
const BIAS0 = 3;
const A = 4;
const B = 5;
const K = 6;
const S_ROW = 7;
const S = 8;
const V = 9;
const O_ROW = 10;
const Q = 11;
const ACC = 12;
const acc = (r: number, c: number) => ACC + r * C + c;
const W = ACC + R * C;
const SPLAT = W + C;

/**
 * The module for one shape: `run(s, v, out, bias)`. Sizes and strides are constants, so the edge
 * tiles (fewer rows; an odd last column stored from lane 0) are emitted once each and every offset
 * within a tile is a static immediate. Each output is summed in k order with a multiply then an add
 * (no fused multiply–add), as the JS kernels do, so both give the same bits. An odd last column
 * reads 8 bytes past V's row (and the bias): the caller leaves slack after each operand.
 */
export function productModule(shape: ProductShape): Uint8Array {
  const body: number[] = [];
  const emit = (...parts: (readonly number[])[]) => {
    for (const p of parts) body.push(...p);
  };
  const tile = (rows: number, vectors: number, oddLast: boolean) => {
    for (let c = 0; c < vectors; c++) {
      if (shape.bias) emit(op.get(BIAS0), op.get(B), op.add, op.v128Load(16 * c), op.set(acc(0, c)));
      else emit(op.v128Zero, op.set(acc(0, c)));
      for (let r = 1; r < rows; r++) emit(op.get(acc(0, c)), op.set(acc(r, c)));
    }
    emit(op.get(S_ROW), op.set(S), op.get(V0), op.get(B), op.add, op.set(V), op.i32(shape.depth), op.set(K));
    emit(op.block, op.loop, op.get(K), op.eqz, op.brIf(1));
    for (let c = 0; c < vectors; c++) emit(op.get(V), op.v128Load(16 * c), op.set(W + c));
    for (let r = 0; r < rows; r++) {
      emit(op.get(S), op.load64Splat(r * shape.sRow), op.set(SPLAT));
      for (let c = 0; c < vectors; c++) {
        emit(op.get(acc(r, c)), op.get(SPLAT), op.get(W + c), op.f64x2Mul, op.f64x2Add, op.set(acc(r, c)));
      }
    }
    emit(op.get(S), op.i32(shape.sStep), op.add, op.set(S));
    emit(op.get(V), op.i32(shape.vStep), op.add, op.set(V));
    emit(op.get(K), op.i32(1), op.sub, op.set(K), op.br(0), op.end, op.end);
    emit(op.get(O_ROW), op.get(B), op.add, op.set(Q));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < vectors; c++) {
        const offset = r * shape.outRow + 16 * c;
        const half = oddLast && c === vectors - 1;
        emit(op.get(Q), op.get(acc(r, c)));
        if (shape.relu) emit(op.get(acc(r, c)), op.v128Zero, op.f64x2Lt, op.v128AndNot);
        emit(half ? op.storeLow(offset) : op.v128Store(offset));
      }
    }
  };
  const rowTile = (rows: number) => {
    const fullCols = Math.floor(shape.cols / (2 * C));
    emit(op.i32(0), op.set(B));
    if (fullCols > 0) {
      emit(op.block, op.loop, op.get(B), op.i32(fullCols * 16 * C), op.geU, op.brIf(1));
      tile(rows, C, false);
      emit(op.get(B), op.i32(16 * C), op.add, op.set(B), op.br(0), op.end, op.end);
    }
    const rest = shape.cols - fullCols * 2 * C;
    if (rest > 0) tile(rows, Math.ceil(rest / 2), rest % 2 === 1);
  };
  const fullRows = Math.floor(shape.rows / R);
  emit(op.get(S0), op.set(S_ROW), op.get(OUT0), op.set(O_ROW));
  if (fullRows > 0) {
    emit(op.i32(0), op.set(A));
    emit(op.block, op.loop, op.get(A), op.i32(fullRows), op.geU, op.brIf(1));
    rowTile(R);
    emit(op.get(A), op.i32(1), op.add, op.set(A));
    emit(op.get(S_ROW), op.i32(R * shape.sRow), op.add, op.set(S_ROW));
    emit(op.get(O_ROW), op.i32(R * shape.outRow), op.add, op.set(O_ROW));
    emit(op.br(0), op.end, op.end);
  }
  const restRows = shape.rows - fullRows * R;
  if (restRows > 0) rowTile(restRows);
  return encodeModule([
    {
      name: 'run',
      params: [I32, I32, I32, I32],
      locals: [...new Array<number>(8).fill(I32), ...new Array<number>(R * C + C + 1).fill(V128)],
      body,
    },
  ]);
}
