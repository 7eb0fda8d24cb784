import { createRng } from '../../core/rng.js';
import { buildTfidfIndex, type TfidfIndex } from './tfidf-index.js';

export type FewShotSelection = 'random' | 'stratified' | 'similar' | 'bootstrapped';

/** Training examples available to prompts: rendered inputs and their class indices. */
export interface FewShotPool {
  readonly inputs: readonly string[];
  readonly labels: readonly number[];
}

/**
 * Draws the pool from the training rows (the only rows a fitted model ever sees), in the order the
 * selection reads it: `random` a seeded shuffle, `stratified` the shuffle dealt round-robin across
 * classes. `similar` keeps up to `poolSize` rows (stratified if there are more) to rank per query.
 * `random` and `stratified` keep only what k examples can need, plus a margin for skipped duplicates.
 */
export function drawFewShotPool(
  inputs: readonly string[],
  labels: Int32Array,
  nClasses: number,
  options: {
    readonly k: number;
    readonly selection: FewShotSelection;
    readonly poolSize: number;
    readonly seed: number;
  },
): FewShotPool {
  if (options.k === 0) return { inputs: [], labels: [] };
  const order = createRng(options.seed).shuffle(Array.from(inputs, (_, i) => i));
  const keep = options.selection === 'similar' ? options.poolSize : options.k + nClasses + 8;
  const chosen =
    options.selection === 'random' ? order.slice(0, keep) : dealByClass(order, labels, nClasses, keep);
  return { inputs: chosen.map((i) => inputs[i]), labels: chosen.map((i) => labels[i]) };
}

export function dealByClass(
  order: readonly number[],
  labels: ArrayLike<number>,
  nClasses: number,
  keep: number,
): number[] {
  const byClass: number[][] = Array.from({ length: nClasses }, () => []);
  for (const i of order) byClass[labels[i]].push(i);
  const out: number[] = [];
  for (let round = 0; out.length < keep; round++) {
    let any = false;
    for (const rows of byClass) {
      if (round < rows.length && out.length < keep) {
        out.push(rows[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

export type FewShotChooser = (query: string) => number[];

/**
 * Picks k pool indices for a query, never one whose input equals the query (so predicting on training
 * rows cannot show a row its own label). `similar` puts the closest example last, next to the query.
 */
export function createFewShotChooser(
  pool: FewShotPool,
  k: number,
  selection: FewShotSelection,
): FewShotChooser {
  if (k === 0 || pool.inputs.length === 0) return () => [];
  let index: TfidfIndex | undefined;
  const nClasses = Math.max(...pool.labels) + 1;
  const all = pool.inputs.map((_, i) => i);
  return (query) => {
    if (selection === 'similar') {
      index ??= buildTfidfIndex(pool.inputs);
      return index
        .rank(query)
        .filter((i) => pool.inputs[i] !== query)
        .slice(0, k)
        .reverse();
    }
    const allowed = all.filter((i) => pool.inputs[i] !== query);
    // Dealt again after the skip, so leaving out the query keeps the classes balanced (a bootstrapped
    // pool is dealt the same way: it holds the rows the model answered right, in stratified order).
    return selection !== 'random' ? dealByClass(allowed, pool.labels, nClasses, k) : allowed.slice(0, k);
  };
}
