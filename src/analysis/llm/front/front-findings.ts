import { type FindingRecord, isVerifiedGain } from '../../../core/finding-record.js';
import type { Labels } from '../../../core/labels.js';
import { createRng } from '../../../core/rng.js';
import { type ArmState, pointOf } from './arm-state.js';

interface FindingContext {
  readonly y: Labels;
  readonly order: Int32Array;
  /** Rows every front arm answered (the first `done` of `order`). */
  readonly done: number;
  readonly unit: 'usd' | 'tokens';
  readonly cheaperBy: number;
}

/**
 * `llm_cost`: the cheapest front arm whose accuracy lies within the most accurate arm's 95 % interval
 * and that costs at least `cheaperBy` times less. The saving's interval comes from a paired bootstrap over
 * the rows both answered; the finding is made only when the saving is verified (its lower bound above 0
 * and its ratio's lower bound at least `cheaperBy`), and it states the accuracy given up with its interval.
 */
export function frontFindings(
  front: readonly ArmState[],
  context: FindingContext,
  bootstrap: { readonly seed: number; readonly nBoot: number },
): FindingRecord[] {
  if (front.length < 2) return [];
  const { y, order, done, unit, cheaperBy } = context;
  const best = front[front.length - 1];
  const bestPoint = pointOf(best, y.codes, order);
  const cheaper = front.find((state) => {
    const point = pointOf(state, y.codes, order);
    return state !== best && point.accuracy >= bestPoint.low && point.cost * cheaperBy <= bestPoint.cost;
  });
  if (!cheaper) return [];
  const point = pointOf(cheaper, y.codes, order);
  const paired = pairedBootstrap(best, cheaper, context, bootstrap);
  if (!isVerifiedGain(paired.saving.low) || paired.ratioLow < cheaperBy) return [];
  const rows: number[] = [];
  for (let i = 0; i < done; i++) {
    const row = order[i];
    if (best.predicted[row] === y.codes[row] && cheaper.predicted[row] !== y.codes[row]) rows.push(row);
  }
  rows.sort((a, b) => a - b);
  const money = (value: number) =>
    unit === 'usd' ? `$${value.toPrecision(3)}` : `${Math.round(value)} tokens`;
  const pct = (value: number) => (100 * value).toFixed(1);
  const ratio = bestPoint.cost / point.cost;
  return [
    {
      code: 'llm_cost',
      level: 'info',
      message: `"${cheaper.arm.name}" is ${ratio.toFixed(1)}× cheaper than the most accurate arm "${best.arm.name}" (${money(point.cost)} vs ${money(bestPoint.cost)} per 1,000 rows) at accuracy ${point.accuracy.toFixed(3)} vs ${bestPoint.accuracy.toFixed(3)}, within its 95 % interval [${bestPoint.low.toFixed(3)}, ${bestPoint.high.toFixed(3)}]; paired accuracy difference ${paired.accuracy.estimate.toFixed(3)} (95 % CI ${paired.accuracy.low.toFixed(3)} to ${paired.accuracy.high.toFixed(3)}) on ${done} rows`,
      suggestion: `use "${cheaper.arm.name}" if that accuracy difference is acceptable: it costs ${pct(paired.saving.estimate)} % less (95 % CI ${pct(paired.saving.low)} to ${pct(paired.saving.high)} %); the listed rows are the ones it gets wrong and the most accurate arm gets right`,
      columns: [],
      rows,
      impact: {
        metric: unit === 'usd' ? 'cost_saving' : 'token_saving',
        gain: paired.saving.estimate,
        ciLow: paired.saving.low,
        ciHigh: paired.saving.high,
        verified: isVerifiedGain(paired.saving.low),
      },
    },
  ];
}

interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Percentile bootstrap over the rows both arms answered, the same resample for both: the relative saving
 * 1 − cost(cheaper) / cost(best), the cost ratio's lower bound, and accuracy(cheaper) − accuracy(best).
 */
function pairedBootstrap(
  best: ArmState,
  cheaper: ArmState,
  context: FindingContext,
  options: { readonly seed: number; readonly nBoot: number },
): { saving: Interval; ratioLow: number; accuracy: Interval } {
  const { y, order, done } = context;
  const costBest = new Float64Array(done);
  const costCheaper = new Float64Array(done);
  const diff = new Float64Array(done);
  for (let i = 0; i < done; i++) {
    const row = order[i];
    costBest[i] = best.rowCost[row];
    costCheaper[i] = cheaper.rowCost[row];
    diff[i] = Number(cheaper.predicted[row] === y.codes[row]) - Number(best.predicted[row] === y.codes[row]);
  }
  const statistics = (pick: (i: number) => number) => {
    let a = 0;
    let b = 0;
    let d = 0;
    for (let i = 0; i < done; i++) {
      const j = pick(i);
      a += costBest[j];
      b += costCheaper[j];
      d += diff[j];
    }
    return { saving: a > 0 ? 1 - b / a : 0, ratio: b > 0 ? a / b : Number.POSITIVE_INFINITY, diff: d / done };
  };
  const estimate = statistics((i) => i);
  const rng = createRng(options.seed);
  const savings = new Float64Array(options.nBoot);
  const ratios = new Float64Array(options.nBoot);
  const diffs = new Float64Array(options.nBoot);
  for (let b = 0; b < options.nBoot; b++) {
    const resample = statistics(() => rng.int(done));
    savings[b] = resample.saving;
    ratios[b] = resample.ratio;
    diffs[b] = resample.diff;
  }
  const interval = (values: Float64Array, point: number): Interval => {
    values.sort();
    return { estimate: point, low: quantile(values, 0.025), high: quantile(values, 0.975) };
  };
  ratios.sort();
  return {
    saving: interval(savings, estimate.saving),
    ratioLow: quantile(ratios, 0.025),
    accuracy: interval(diffs, estimate.diff),
  };
}

function quantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}
