import type { Features } from '../../../core/features.js';
import type { FindingRecord } from '../../../core/finding-record.js';
import type { Labels } from '../../../core/labels.js';
import type { RunSummary } from '../../../llm/engine/run-progress.js';
import type { LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import type { Fold } from '../../../splits/fold.js';
import type { Interval } from '../robustness/paired-variant-bootstrap.js';
import { calibrationBootstrap } from './calibration-bootstrap.js';
import { calibrationFindings } from './calibration-findings.js';
import { type CalibrationMethod, calibratedPredictions } from './calibration-methods.js';
import { calibrationOutOfFold, type ProbabilityBasis } from './calibration-out-of-fold.js';

export interface CalibrationOptions {
  readonly folds: readonly Fold[];
  /** Seeds the bootstrap; default 0. */
  readonly seed?: number;
  readonly nBoot?: number;
  readonly signal?: AbortSignal;
}

export interface MethodResult {
  readonly method: CalibrationMethod;
  readonly accuracy: Interval;
  /** Top-label ECE over the rows with a label (10 uniform bins). */
  readonly ece: Interval;
  /** Paired gain over the answers as configured (0 for them). */
  readonly accuracyGain: Interval;
  /** ECE as configured − this method's ECE, paired (positive = better calibrated). */
  readonly eceReduction: Interval;
  /** 0-based rows of the data whose label differs from the answers as configured. */
  readonly changedRows: readonly number[];
}

export interface LlmCalibration {
  /** Label-token logprobs, or (without them) vote shares over sampled answers. */
  readonly basis: ProbabilityBasis;
  readonly methods: readonly MethodResult[];
  readonly skipped: readonly { readonly method: CalibrationMethod; readonly reason: string }[];
  /** The content-free class distribution, averaged over the folds' prompts; null if none answered. */
  readonly contentFree: readonly { readonly label: string; readonly probability: number }[] | null;
  /** The per-class bias fitted on every scored row (centred): what `label_bias` should be set to. */
  readonly labelBias: readonly { readonly label: string; readonly bias: number }[] | null;
  readonly findings: readonly FindingRecord[];
  readonly usage: RunSummary;
}

/**
 * How much calibrating an LLM classifier's answers helps, out of fold: label-token scoring, contextual
 * calibration (Zhao et al., 2021) and a per-class bias on the label log-probabilities fitted on the
 * training folds, each against the answers as configured on the same rows — accuracy and ECE with
 * paired bootstrap intervals. Costs one call per row (and sample) plus three content-free calls per fold.
 */
export async function llmCalibration(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  options: CalibrationOptions,
): Promise<LlmCalibration> {
  const inputs = await calibrationOutOfFold(model, X, y, options.folds, options.signal);
  const predictions = calibratedPredictions(inputs, y, model.params.scoring);
  const statistics = calibrationBootstrap(y.codes, predictions.methods, {
    nBoot: options.nBoot,
    seed: options.seed,
  });
  const configured = predictions.methods[0].predicted;
  const methods = predictions.methods.map((method, m): MethodResult => {
    const changedRows: number[] = [];
    for (let row = 0; row < configured.length; row++) {
      if (method.predicted[row] !== configured[row]) changedRows.push(row);
    }
    return { method: method.method, ...statistics[m], changedRows };
  });
  const answered = inputs.contentFree.filter((distribution) => distribution !== null);
  const contentFree =
    answered.length === 0
      ? null
      : y.classes.map((label, k) => ({
          label,
          probability: answered.reduce((sum, distribution) => sum + distribution[k], 0) / answered.length,
        }));
  const labelBias = predictions.labelBias
    ? y.classes.map((label, k) => ({ label, bias: predictions.labelBias![k] }))
    : null;
  const findings = calibrationFindings({ methods, labelBias, basis: inputs.basis }, model.params.scoring);
  return {
    basis: inputs.basis,
    methods,
    skipped: predictions.skipped,
    contentFree,
    labelBias,
    findings,
    usage: inputs.usage,
  };
}
