import type { BootstrapCis, Calibration } from '../../metrics/index.js';
import { labelWords } from '../findings/row-words.js';
import type { BaselineComparison } from './baseline-comparison.js';
import type {
  ConfusionPair,
  ErrorFinding,
  MisclassifiedRow,
  SuspectedLabelError,
  TextCluster,
  WeakSlice,
} from './error-analysis-types.js';

export interface FindingInputs {
  readonly rows: number;
  readonly errorCount: number;
  readonly bootstrap: BootstrapCis;
  readonly calibration: Calibration;
  readonly misclassified: readonly MisclassifiedRow[];
  readonly confusionPairs: readonly ConfusionPair[];
  readonly weakSlices: readonly WeakSlice[];
  readonly suspectedLabelErrors: readonly SuspectedLabelError[];
  readonly textClusters: readonly TextCluster[];
}

/** A mistake made with at least this confidence counts as confidently wrong. */
export const CONFIDENTLY_WRONG = 0.9;

/** ECE above this is worth calibrating (a common rule of thumb: 5 points of probability). */
const ECE_WORTH_FIXING = 0.05;

/** Plain-words findings, most important first: each one sentence with a number and what to try. */
export function describeFindings(inputs: FindingInputs): ErrorFinding[] {
  const { rows, errorCount, bootstrap } = inputs;
  const acc = bootstrap.accuracy;
  const findings: ErrorFinding[] = [
    {
      kind: 'overview',
      message: `The model is wrong on ${errorCount} of ${rows} rows (${percent(errorCount / rows)}); accuracy ${acc.estimate.toFixed(3)}, ${Math.round(bootstrap.confidence * 100)} % CI ${acc.low.toFixed(3)}–${acc.high.toFixed(3)}.`,
      suggestion:
        errorCount === 0
          ? 'Nothing to analyse: check for leakage if this looks too good.'
          : 'The findings below say where the errors concentrate.',
    },
  ];
  if (errorCount === 0) return findings;
  for (const pair of inputs.confusionPairs.slice(0, 3)) {
    if (pair.shareOfErrors < 0.2) break;
    findings.push({
      kind: 'confusion-pair',
      message: `${percent(pair.shareOfErrors)} of errors (${pair.count}) are ${labelWords(pair.trueLabel)} predicted as ${labelWords(pair.predicted)}.`,
      suggestion: `Look for a feature that separates ${pair.trueLabel} from ${pair.predicted}, or gather more rows of both near their boundary.`,
    });
  }
  const confident = confidentMistakes(inputs.misclassified, inputs.suspectedLabelErrors);
  if (confident.length > 0) {
    const worst = confident[0];
    findings.push({
      kind: 'confidently-wrong',
      message: `${confident.length} error${confident.length === 1 ? ' is' : 's are'} made with confidence ≥ ${CONFIDENTLY_WRONG} on rows confident learning does not suspect of a wrong label; the worst is row ${worst.row + 1}, ${labelWords(worst.trueLabel)} predicted as ${labelWords(worst.predicted)} with p = ${worst.confidence.toFixed(2)}.`,
      suggestion:
        'The labels look plausible here: the model lacks a feature that tells these rows apart, or they are rare cases worth more examples.',
    });
  }
  for (const slice of inputs.weakSlices.slice(0, 3)) {
    findings.push({
      kind: 'weak-slice',
      message: `Rows with ${describeSlice(slice)} are wrong ${percent(slice.errorRate)} of the time, ${slice.lift.toFixed(1)}× the overall rate (95 % CI ${percent(slice.ci.low)}–${percent(slice.ci.high)}, ${slice.support} rows).`,
      suggestion:
        slice.conditions.length === 2
          ? 'The two features interact here: try a model that captures interactions (tree, forest, hgb) or add their product, and gather more rows in this slice.'
          : 'Gather more training rows in this slice, or add a feature that explains it; check these rows for a data-quality problem.',
    });
  }
  const suspects = inputs.suspectedLabelErrors;
  if (suspects.length > 0) {
    const top = suspects[0];
    findings.push({
      kind: 'label-errors',
      message: `${suspects.length} row${suspects.length === 1 ? '' : 's'} (${percent(suspects.length / rows)}) look mislabelled by confident learning; the most suspicious is row ${top.row + 1}, labelled ${labelWords(top.givenLabel)} but ${labelWords(top.suggestedLabel)} with p = ${top.suggestedLabelProbability.toFixed(2)}.`,
      suggestion:
        'Review these labels; relabel or drop real mistakes and re-run — noisy labels cap accuracy.',
    });
  }
  for (const cluster of inputs.textClusters.slice(0, 2)) {
    findings.push({
      kind: 'text-cluster',
      message: `${cluster.size} misclassified texts in "${cluster.column}" share the terms ${cluster.topTerms.join(', ')}.`,
      suggestion:
        'Add labelled examples of this kind of text, or a feature that captures what these terms mean.',
    });
  }
  const { calibration } = inputs;
  findings.push({
    kind: 'calibration',
    message: `Expected calibration error is ${calibration.ece.toFixed(3)} (${calibration.kind === 'binary' ? 'P(positive)' : 'top-label confidence'} over ${calibration.nBins} bins).`,
    suggestion:
      calibration.ece > ECE_WORTH_FIXING
        ? 'Calibrate the probabilities (Platt scaling or isotonic regression) before using them as confidences or thresholds.'
        : 'The probabilities can be read as confidences.',
  });
  return findings;
}

/**
 * The confident mistakes that are not suspected label errors: the two lists answer different questions
 * ("is the label wrong?" against "where is the model sure and wrong?"), so a row sits in one only.
 */
export function confidentMistakes(
  misclassified: readonly MisclassifiedRow[],
  suspects: readonly SuspectedLabelError[],
): MisclassifiedRow[] {
  const suspected = new Set(suspects.map((suspect) => suspect.row));
  return misclassified.filter((row) => row.confidence >= CONFIDENTLY_WRONG && !suspected.has(row.row));
}

/** McNemar's verdict on the model against the baseline, on the same out-of-fold rows. */
export function baselineFinding(comparison: BaselineComparison): ErrorFinding {
  const { mcnemar } = comparison;
  const better = comparison.modelAccuracy > comparison.baselineAccuracy;
  const test =
    mcnemar.method === 'exact-binomial' ? 'exact McNemar' : 'McNemar χ² with continuity correction';
  return {
    kind: 'baseline',
    message: `Accuracy ${comparison.modelAccuracy.toFixed(3)} against ${comparison.baselineAccuracy.toFixed(3)} for the ${comparison.baseline} baseline; the models disagree on ${mcnemar.onlyFirstCorrect + mcnemar.onlySecondCorrect} rows (${test}, p = ${formatP(mcnemar.pValue)}).`,
    suggestion:
      mcnemar.pValue >= 0.05
        ? 'The difference could be chance: the model has not shown it beats the baseline; try other features or models.'
        : better
          ? 'The model beats the baseline beyond chance.'
          : 'The baseline is significantly better: the model is hurting; check the features and the model spec.',
  };
}

function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

export function describeSlice(slice: WeakSlice): string {
  return slice.conditions.map((condition) => `${condition.feature} ${condition.description}`).join(' and ');
}

function percent(fraction: number): string {
  const value = fraction * 100;
  return `${value < 10 && value > 0 ? value.toFixed(1) : Math.round(value)} %`;
}
