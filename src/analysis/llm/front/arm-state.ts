import { wilsonInterval } from '../../error-analysis/slice-statistics.js';
import type { ArmScorer } from './arm-scorer.js';
import type { FrontArm } from './front-arms.js';
import type { ArmCallMeter } from './metered-run-jobs.js';
import type { FrontPoint } from './pareto-front.js';

/** An arm's answers so far, row-aligned with the data. */
export interface ArmState {
  readonly arm: FrontArm;
  readonly scorer: ArmScorer;
  readonly meter: ArmCallMeter;
  readonly predicted: Int32Array;
  /** Cost of each answered row in the front's unit. */
  readonly rowCost: Float64Array;
  readonly rowTokens: Float64Array;
  rows: number;
  stoppedAtRung: number | null;
  dominatedBy: number;
}

/** Accuracy (Wilson 95 %) and cost per 1,000 rows over the arm's answered rows; p95 of its answers' latency. */
export function pointOf(state: ArmState, codes: Int32Array, order: Int32Array): FrontPoint {
  let correct = 0;
  let cost = 0;
  for (let i = 0; i < state.rows; i++) {
    const row = order[i];
    if (state.predicted[row] === codes[row]) correct++;
    cost += state.rowCost[row];
  }
  const accuracy = state.rows === 0 ? 0 : correct / state.rows;
  return {
    accuracy,
    ...wilsonInterval(correct, state.rows),
    cost: state.rows === 0 ? 0 : (1000 * cost) / state.rows,
    latency: percentile(state.meter.latenciesMs, 95),
  };
}

/** numpy.percentile's default (linear between the closest ranks); null for no values. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (q / 100) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
