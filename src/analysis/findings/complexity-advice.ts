import type { ComplexityParam, StepSpec } from '../../catalog/index.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { pairedGain } from '../../metrics/paired-gain.js';
import type { CurveRunOptions } from '../../selection/curve-scores.js';
import { validationCurve } from '../../selection/validation-curve.js';
import type { Fold } from '../../splits/fold.js';
import { controlled } from './complexity-sweep.js';
import { formatGain } from './format-points.js';

export type ComplexityDirection = 'simpler' | 'more-complex';

/** The measured effect of moving one complexity control from its current value. */
export interface ComplexityProbe {
  readonly control: ComplexityParam;
  readonly direction: ComplexityDirection;
  readonly current: unknown;
  readonly tried: readonly unknown[];
  /** The best value tried and its paired gain over the current one (per-fold, 95 % t-interval). */
  readonly best: {
    readonly value: unknown;
    readonly gain: { mean: number; low: number; high: number };
  } | null;
  readonly scoring: string;
  readonly verified: boolean;
}

/** Values tried per probe: the nearest ones in the direction asked, to keep the probe cheap. */
const PROBE_WIDTH = 3;

/**
 * Fits the model at up to three values of its first complexity control in the direction the curve asks
 * (simpler for overfitting, more complex for underfitting) next to its current value, on the same folds,
 * and measures each value's paired gain. Undefined when the model declares no control, or none of its
 * probe values lies in that direction.
 */
export async function probeComplexity(
  X: Features,
  y: Labels,
  steps: readonly StepSpec[],
  controls: readonly ComplexityParam[],
  direction: ComplexityDirection,
  options: CurveRunOptions & { readonly cv: number | readonly Fold[] },
): Promise<ComplexityProbe | undefined> {
  for (const control of controls) {
    const { param, current } = controlled(steps, control);
    const tried = valuesTowards(control, current, direction);
    if (tried.length === 0) continue;
    const curve = await validationCurve(X, y, { ...options, steps, param, values: [current, ...tried] });
    const base = curve.points[0].testScores;
    let best: ComplexityProbe['best'] = null;
    for (const [k, value] of tried.entries()) {
      const gain = pairedGain(curve.points[k + 1].testScores, base);
      if (gain !== null && (best === null || gain.mean > best.gain.mean)) best = { value, gain };
    }
    return {
      control,
      direction,
      current,
      tried,
      best,
      scoring: curve.scoring,
      verified: best !== null && best.gain.low > 0,
    };
  }
  return undefined;
}

/** Advice in words from a probe: a change only when its gain's interval is above zero. */
export function complexityAdvice(
  probe: ComplexityProbe | undefined,
  direction: ComplexityDirection,
): { readonly message: string; readonly suggestion: string } {
  const fallback =
    direction === 'simpler'
      ? 'more rows, fewer or less noisy features, or a model with fewer degrees of freedom'
      : 'more or better features, or a more flexible model';
  if (probe === undefined) {
    return {
      message: 'no complexity control of this model was probed',
      suggestion: `try ${fallback}`,
    };
  }
  const { control, best } = probe;
  const way = wayOf(control, direction);
  const name = control.param;
  const tried = probe.tried.map(valueText).join(', ');
  if (best !== null && probe.verified) {
    return {
      message: `${name}=${valueText(best.value)} (${way} ${name} = ${direction === 'simpler' ? 'a simpler' : 'a more complex'} model) changed CV ${probe.scoring} by ${formatGain(best.gain)} over ${name}=${valueText(probe.current)}`,
      suggestion: `use ${name}=${valueText(best.value)}: the gain is above fold-to-fold noise`,
    };
  }
  if (best !== null && best.gain.high < 0) {
    return {
      message: `${way} ${name} from ${valueText(probe.current)} (tried ${tried}) lowers CV ${probe.scoring}: even the best, ${name}=${valueText(best.value)}, changed it by ${formatGain(best.gain)}`,
      suggestion:
        direction === 'simpler'
          ? `keep ${name}=${valueText(probe.current)}: a simpler model scores lower, so the gap is not excess complexity; more rows or better features are what is left to try`
          : `keep ${name}=${valueText(probe.current)}: a more complex model scores lower; better features are what is left to try`,
    };
  }
  const measured = best
    ? `; the best, ${name}=${valueText(best.value)}, changed it by ${formatGain(best.gain)}`
    : '';
  return {
    message: `${way} ${name} from ${valueText(probe.current)} (tried ${tried}) did not raise CV ${probe.scoring} beyond fold-to-fold noise${measured}`,
    suggestion: `nothing measured here helps: try ${fallback}`,
  };
}

function wayOf(control: ComplexityParam, direction: ComplexityDirection): string {
  const higher = (control.moreComplexWhen === 'up') === (direction === 'more-complex');
  return higher ? 'raising' : 'lowering';
}

/** Probe values strictly on the asked side of `current`, nearest first; `null` (no limit) is the highest. */
function valuesTowards(
  control: ComplexityParam,
  current: unknown,
  direction: ComplexityDirection,
): unknown[] {
  const rank = (value: unknown): number | undefined =>
    value === null ? Number.POSITIVE_INFINITY : typeof value === 'number' ? value : undefined;
  const here = rank(current);
  if (here === undefined) return [];
  const wantHigher = (control.moreComplexWhen === 'up') === (direction === 'more-complex');
  return control.probeValues
    .filter((value) => {
      const there = rank(value);
      return there !== undefined && (wantHigher ? there > here : there < here);
    })
    .sort((a, b) => Math.abs(logRank(rank(a)!) - logRank(here)) - Math.abs(logRank(rank(b)!) - logRank(here)))
    .slice(0, PROBE_WIDTH);
}

function logRank(value: number): number {
  if (!Number.isFinite(value)) return 1e9;
  return value > 0 ? Math.log(value) : value;
}

function valueText(value: unknown): string {
  return value === null ? 'none' : String(value);
}
