import { pairedGain } from '../../metrics/paired-gain.js';
import type { CurvePoint } from '../../selection/curve-scores.js';
import { type CurveVerdict, VERDICT_THRESHOLDS } from '../curves/curve-verdict.js';
import { type ComplexityProbe, complexityAdvice } from './complexity-advice.js';
import { type ComplexitySweep, currentPoint, readSweep, sweepSide } from './complexity-sweep.js';
import { formatGain } from './format-points.js';

type Gain = { readonly mean: number; readonly low: number; readonly high: number };

/** Another model (or the same one at another param value) scored on the same folds. */
export interface FlexibleAlternative {
  /** What to change, as the suggestion names it: `hgb(random_state=0)`, `C=10`. */
  readonly change: string;
  readonly point: CurvePoint;
}

/** The over/underfitting finding a learning curve supports, with the change it recommends. */
export interface FitFinding {
  readonly code: 'overfitting' | 'underfitting';
  readonly message: string;
  readonly suggestion: string;
  /** The recommended (or best tried) change's paired gain over the model as it is. */
  readonly gain?: Gain;
  readonly verified: boolean;
}

export interface FitReading {
  /** The curve's verdict, rewritten when the measurements contradict the shape of the curve. */
  readonly verdict: CurveVerdict;
  readonly finding?: FitFinding;
  /** The complexity probe the advice rests on (for the report), read off the sweep. */
  readonly probe?: ComplexityProbe;
}

const score = (value: number) => value.toFixed(4);

/**
 * Reads over- and underfitting from the curve's shape and from measurements on the same folds, so that
 * the advice cannot contradict them:
 * - a wide train–CV gap is overfitting unless the sweep of the model's complexity control finds a more
 *   complex value better beyond noise (then the gap is not excess complexity, and the advice is the
 *   sweep's, the same value as the validation curve's);
 * - underfitting is a small gap with the model's own train score below what a more flexible alternative
 *   (a flexible reference model, or a more complex value of the control) scores on unseen rows of the
 *   same folds, both beyond fold noise. Only that alternative's verified gain is recommended.
 * `model` is the model's point at the largest training size (each fold's whole training part).
 */
export function readModelFit(
  curve: CurveVerdict,
  model: CurvePoint,
  sweep: ComplexitySweep | undefined,
  references: readonly FlexibleAlternative[],
  scoring: string,
): FitReading {
  const reading = sweep ? readSweep(sweep) : undefined;
  const gapPp = curve.evidence.gapPp ?? 0;
  if (curve.diagnosis === 'high-variance') {
    if (reading?.verdict.verified && reading.direction === 'more-complex') {
      const rising = curve.nextStep.startsWith('more data would help');
      return {
        verdict: {
          ...curve,
          diagnosis: rising ? 'more-data' : 'converged',
          summary: `train–CV gap of ${gapPp.toFixed(1)} pp, not from excess complexity: ${reading.verdict.nextStep}`,
          nextStep: rising
            ? curve.nextStep.replace(/; meanwhile make the model simpler or use fewer features$/, '')
            : 'more rows of the same kind will not move the score; look at the errors (slices, labels) or new features',
        },
        probe: sweep && probeOf(sweep, 'more-complex', true),
      };
    }
    const probe =
      sweep && probeOf(sweep, 'simpler', reading?.direction === 'simpler' && reading.verdict.verified);
    const advice = complexityAdvice(probe, 'simpler');
    return {
      verdict: curve,
      probe,
      finding: {
        code: 'overfitting',
        message: `${curve.summary}; ${advice.message}`,
        suggestion: advice.suggestion,
        gain: probe?.best?.gain,
        verified: probe?.verified ?? false,
      },
    };
  }
  if (gapPp >= VERDICT_THRESHOLDS.varianceGapPp) return { verdict: curve };
  const own = sweep ? currentPoint(sweep) : model;
  const moreComplex =
    sweep && reading?.verdict.verified && reading.direction === 'more-complex'
      ? [
          {
            change: `${sweep.control.param}=${valueText(reading.verdict.bestValue)}`,
            point: sweep.points[sweep.values.indexOf(reading.verdict.bestValue)],
          },
        ]
      : [];
  const alternatives = [...references, ...moreComplex];
  const tried = alternatives.flatMap((alternative) => {
    const beyondTrain = pairedGain(alternative.point.testScores, own.trainScores);
    const gain = pairedGain(alternative.point.testScores, own.testScores);
    return beyondTrain && gain && alternative.point.testMean !== null
      ? [{ ...alternative, beyondTrain, gain, cv: alternative.point.testMean }]
      : [];
  });
  const above = tried
    .filter((alternative) => alternative.beyondTrain.low > 0 && alternative.gain.low > 0)
    .sort((a, b) => b.gain.mean - a.gain.mean);
  const train = own.trainMean ?? curve.evidence.trainScore ?? Number.NaN;
  const cv = own.testMean ?? curve.evidence.testScore ?? Number.NaN;
  const best = above[0];
  if (best === undefined) {
    if (curve.diagnosis !== 'high-bias') return { verdict: curve };
    if (tried.length === 0) {
      // Nothing more flexible could be measured (no complexity control, no reference): the curve's shape
      // is all there is, and the advice recommends no particular change.
      const advice = complexityAdvice(undefined, 'more-complex');
      return {
        verdict: curve,
        finding: {
          code: 'underfitting',
          message: `${curve.summary}; ${advice.message}`,
          suggestion: advice.suggestion,
          verified: false,
        },
      };
    }
    // The curve looked low and flat, but nothing more flexible scored higher on the same folds.
    return {
      verdict: {
        ...curve,
        diagnosis: 'converged',
        summary: `converged: train ${scoring} ${score(train)} and CV ${score(cv)} are close, and no more flexible alternative tried (${tried.map((t) => t.change).join(', ')}) scores higher beyond fold noise`,
        nextStep:
          'more rows of the same kind will not move the score; look at the errors (slices, labels) or new features',
      },
    };
  }
  const probe = sweep && probeOf(sweep, 'more-complex', moreComplex.length > 0);
  const others = [
    ...tried
      .filter((other) => other !== best)
      .map((other) => `; ${other.change} changed it by ${formatGain(other.gain)}`),
    ...(probe && moreComplex.length === 0 && probe.best
      ? [`; ${complexityAdvice(probe, 'more-complex').message}`]
      : []),
  ];
  const summary = `high bias (underfitting): train ${scoring} ${score(train)} and CV ${score(cv)} are close (${gapPp.toFixed(1)} pp), and ${best.change} scores CV ${score(best.cv)} on the same folds, above the model's own train score by ${formatGain(best.beyondTrain)}`;
  return {
    verdict: { ...curve, diagnosis: 'high-bias', summary, nextStep: `use ${best.change}` },
    probe,
    finding: {
      code: 'underfitting',
      message: `${summary}; ${best.change} changed CV ${scoring} by ${formatGain(best.gain)}${others.join('')}`,
      suggestion: `use ${best.change}: the gain is above fold-to-fold noise, and the model as it is fits even its training rows worse`,
      gain: best.gain,
      verified: true,
    },
  };
}

/**
 * The sweep as a probe in one direction: the values tried on that side and the best of them; verified
 * only when the sweep's overall best (the validation curve's pick) lies on that side beyond noise.
 */
function probeOf(
  sweep: ComplexitySweep,
  direction: ComplexityProbe['direction'],
  verified: boolean,
): ComplexityProbe {
  const side = sweepSide(sweep, direction);
  const base = currentPoint(sweep).testScores;
  let best: ComplexityProbe['best'] = null;
  for (const { value, point } of side) {
    const gain = pairedGain(point.testScores, base);
    if (gain !== null && (best === null || gain.mean > best.gain.mean)) best = { value, gain };
  }
  return {
    control: sweep.control,
    direction,
    current: sweep.current,
    tried: side.map(({ value }) => value),
    best,
    scoring: sweep.scoring,
    verified: verified && best !== null && best.gain.low > 0,
  };
}

function valueText(value: unknown): string {
  return value === null ? 'none' : String(value);
}
