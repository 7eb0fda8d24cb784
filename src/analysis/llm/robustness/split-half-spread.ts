import { createRng } from '../../../core/rng.js';
import { type Interval, pairedVariantBootstrap } from './paired-variant-bootstrap.js';

/** The rows best and worst are picked on, and the disjoint rows their spread is measured on. */
export interface RowHalves {
  readonly pick: Int32Array;
  readonly measure: Int32Array;
}

/**
 * Each class's rows shuffled (seeded) and dealt alternately to the two halves, so both halves keep the
 * class mix; rows stay in ascending order within a half.
 */
export function stratifiedHalves(yCodes: Int32Array, seed: number): RowHalves {
  const rng = createRng(seed);
  const byClass = new Map<number, number[]>();
  yCodes.forEach((code, row) => {
    const rows = byClass.get(code);
    if (rows) rows.push(row);
    else byClass.set(code, [row]);
  });
  const pick: number[] = [];
  const measure: number[] = [];
  // Alternating which half gets a class's first row keeps the halves' sizes within one of each other.
  let toPick = true;
  for (const code of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const row of rng.shuffle(byClass.get(code)!)) {
      (toPick ? pick : measure).push(row);
      toPick = !toPick;
    }
  }
  const ascending = (rows: number[]) => Int32Array.from(rows).sort();
  return { pick: ascending(pick), measure: ascending(measure) };
}

export interface HalfSpread {
  readonly best: number;
  readonly worst: number;
  /** Best minus worst accuracy on the measure half, with its paired interval. */
  readonly spread: Interval;
  /** Best minus variant 0 (the baseline) on the measure half. */
  readonly gainOverBaseline: Interval;
}

/**
 * For each group of variants (indices into `predictions`, the baseline 0 among them): the best and the
 * worst by accuracy on the pick half (ties to the earlier index), and their difference measured on the
 * other half. Picking and measuring on the same rows would report the largest of many noisy differences
 * — above 0 even when no variant matters; on fresh rows the picked pair's difference is unbiased.
 */
export function splitHalfSpreads(
  yCodes: Int32Array,
  predictions: readonly Int32Array[],
  groups: readonly (readonly number[])[],
  halves: RowHalves,
  options: { readonly nBoot?: number; readonly seed?: number } = {},
): HalfSpread[] {
  const correctOnPick = (v: number) => {
    let right = 0;
    for (const row of halves.pick) if (predictions[v][row] === yCodes[row]) right++;
    return right;
  };
  const extremes = groups.map((members) => ({
    best: members.reduce((a, b) => (correctOnPick(b) > correctOnPick(a) ? b : a)),
    worst: members.reduce((a, b) => (correctOnPick(b) < correctOnPick(a) ? b : a)),
  }));
  const take = (values: Int32Array) => Int32Array.from(halves.measure, (row) => values[row]);
  const pairs = extremes.flatMap(({ best, worst }) => [[best, worst] as const, [best, 0] as const]);
  const { differences } = pairedVariantBootstrap(take(yCodes), predictions.map(take), pairs, options);
  return extremes.map(({ best, worst }, g) => ({
    best,
    worst,
    spread: differences[2 * g],
    gainOverBaseline: differences[2 * g + 1],
  }));
}
