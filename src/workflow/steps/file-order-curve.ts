import { type CurveVerdict, formatGain, learningCurveVerdict } from '../../analysis/index.js';
import { pairedGain } from '../../metrics/index.js';
import { type CurvePoint, learningCurve } from '../../selection/index.js';
import type { RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';

export interface FileOrderCurve {
  readonly trainSizes: number[];
  readonly points: CurvePoint[];
  readonly verdict: CurveVerdict;
}

/** The same curve in file order at every size but the largest (the largest is the same rows either way). */
export async function fileOrderCurve(
  input: StepInput,
  common: Omit<Parameters<typeof learningCurve>[2], 'trainSizes'>,
  sizes: readonly number[],
  points: readonly CurvePoint[],
): Promise<FileOrderCurve | undefined> {
  const smaller = sizes.slice(0, -1).filter((size) => size > 1);
  if (smaller.length === 0) return undefined;
  const { features, labels } = input.tuning;
  const ordered = await learningCurve(features, labels, { ...common, trainSizes: smaller });
  const trainSizes = [...ordered.trainSizes, sizes[sizes.length - 1]];
  const all = [...ordered.points, points[points.length - 1]];
  return { trainSizes, points: all, verdict: learningCurveVerdict(trainSizes, all, ordered.scoring) };
}

/**
 * Rows in file order must lower the CV score this much, beyond fold noise, to count: a random subset of a
 * few dozen rows moves it by several points either way on any file (seen: +7 pp at 24 rows).
 */
const ORDER_EFFECT = 0.1;

type OrderEffect = {
  size: number;
  failed: boolean;
  fileOrder: number;
  shuffled: number;
  gain: { mean: number; low: number; high: number };
};

/**
 * The size where taking rows in file order lowers the CV score most, when by at least 10 points beyond
 * fold noise (paired over the same test folds), or where every file-order fit failed and shuffled ones
 * did not. The largest size is the same rows either way and is skipped.
 */
function orderEffectOf(
  sizes: readonly number[],
  shuffled: readonly CurvePoint[],
  fileOrder: { readonly points: readonly CurvePoint[] },
): OrderEffect | undefined {
  let strongest: OrderEffect | undefined;
  for (let p = 0; p < sizes.length - 1; p++) {
    const ordered = fileOrder.points[p];
    const base = shuffled[p];
    if (base.testMean === null) continue;
    if (ordered.testScores.every((score) => score === null)) {
      const gain = { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
      strongest ??= { size: sizes[p], failed: true, fileOrder: Number.NaN, shuffled: base.testMean, gain };
      continue;
    }
    const gain = pairedGain(ordered.testScores, base.testScores);
    if (gain === null || gain.mean > -ORDER_EFFECT || gain.high >= 0) continue;
    if (strongest === undefined || strongest.failed || gain.mean < strongest.gain.mean) {
      strongest = {
        size: sizes[p],
        failed: false,
        fileOrder: ordered.testMean ?? Number.NaN,
        shuffled: base.testMean,
        gain,
      };
    }
  }
  return strongest;
}

/**
 * `order_dependent` when the file's order lowers the curve beyond noise: verdicts near their thresholds
 * flip by chance on any file, so only a measured effect of the order counts.
 */
export function orderFinding(
  sizes: readonly number[],
  shuffled: readonly CurvePoint[],
  verdict: CurveVerdict,
  fileOrder: FileOrderCurve | undefined,
  scoring: string,
): RunFinding | undefined {
  const orderEffect = fileOrder ? orderEffectOf(sizes, shuffled, fileOrder) : undefined;
  if (!fileOrder || !orderEffect) return undefined;
  const effect = orderEffect.failed
    ? ` at ${orderEffect.size} rows every fit in file order failed (a prefix of the file holds too few classes) while shuffled rows score ${orderEffect.shuffled.toFixed(3)};`
    : ` at ${orderEffect.size} rows CV ${scoring} is ${orderEffect.fileOrder.toFixed(3)} in file order against ${orderEffect.shuffled.toFixed(3)} on shuffled rows, ${formatGain(orderEffect.gain)};`;
  return {
    section: 'learning-curve',
    code: 'order_dependent',
    level: 'warn',
    message: `The file's row order changes the learning curve:${effect}${fileOrder.verdict.diagnosis === verdict.diagnosis ? ' the verdict is the same either way' : ` in file order it reads "${fileOrder.verdict.summary}", on shuffled rows "${verdict.summary}"`}. The file is sorted or grouped by something the label depends on.`,
    suggestion:
      'shuffle before any split that takes rows in order (a head/tail split, a time-unaware hold-out); this report uses shuffled rows',
    columns: [],
    rows: [],
  };
}
