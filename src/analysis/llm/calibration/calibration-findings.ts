import { type FindingRecord, isVerifiedGain } from '../../../core/finding-record.js';
import type { CalibrationMethod } from './calibration-methods.js';
import type { LlmCalibration, MethodResult } from './llm-calibration.js';

export const METHOD_NAMES: Readonly<Record<CalibrationMethod, string>> = {
  'as-configured': 'the answers as configured',
  'label-scores': 'label-token scoring',
  contextual: 'contextual calibration',
  bias: 'per-class bias correction',
};

const points = (value: number): string => (100 * value).toFixed(1);
const fixed = (value: number): string => value.toFixed(3);

/**
 * `llm_calibration_gain` for the method with the largest verified accuracy gain over the answers as
 * configured, and `llm_miscalibrated` when some method's ECE reduction is verified (the probabilities
 * as configured are off by more than noise). Nothing is recommended whose 95 % lower bound is ≤ 0.
 */
export function calibrationFindings(
  result: Pick<LlmCalibration, 'methods' | 'labelBias' | 'basis'>,
  configuredScoring: 'parse' | 'logprob',
): FindingRecord[] {
  const baseline = result.methods[0];
  const candidates = result.methods.slice(1);
  const findings: FindingRecord[] = [];
  const byAccuracy = candidates
    .filter((method) => isVerifiedGain(method.accuracyGain.low))
    .sort((a, b) => b.accuracyGain.estimate - a.accuracyGain.estimate)[0];
  if (byAccuracy) {
    const gain = byAccuracy.accuracyGain;
    findings.push({
      code: 'llm_calibration_gain',
      level: 'warn',
      message: `${METHOD_NAMES[byAccuracy.method]} raises accuracy by ${points(gain.estimate)} points (95 % CI ${points(gain.low)} to ${points(gain.high)}) over ${METHOD_NAMES['as-configured']}, out of fold on the same rows (ECE ${fixed(baseline.ece.estimate)} → ${fixed(byAccuracy.ece.estimate)})`,
      suggestion: howToApply(byAccuracy, result, configuredScoring),
      columns: [],
      rows: [...byAccuracy.changedRows],
      impact: { metric: 'accuracy', gain: gain.estimate, ciLow: gain.low, ciHigh: gain.high, verified: true },
    });
  }
  const byEce = candidates
    .filter((method) => isVerifiedGain(method.eceReduction.low))
    .sort((a, b) => b.eceReduction.estimate - a.eceReduction.estimate)[0];
  if (byEce) {
    const reduction = byEce.eceReduction;
    findings.push({
      code: 'llm_miscalibrated',
      level: 'warn',
      message: `the LLM's class probabilities are miscalibrated: top-label ECE ${fixed(baseline.ece.estimate)} as configured, ${fixed(byEce.ece.estimate)} with ${METHOD_NAMES[byEce.method]} (reduction ${fixed(reduction.estimate)}, 95 % CI ${fixed(reduction.low)} to ${fixed(reduction.high)})`,
      suggestion: `before trusting its probabilities (thresholds, log loss, soft voting), ${howToApply(byEce, result, configuredScoring)}`,
      columns: [],
      rows: [],
      impact: {
        metric: 'ece_reduction',
        gain: reduction.estimate,
        ciLow: reduction.low,
        ciHigh: reduction.high,
        verified: true,
      },
    });
  }
  return findings;
}

function howToApply(
  method: MethodResult,
  result: Pick<LlmCalibration, 'labelBias'>,
  configuredScoring: 'parse' | 'logprob',
): string {
  const scoring = configuredScoring === 'parse' ? "scoring='logprob', " : '';
  if (method.method === 'label-scores') {
    return "set scoring='logprob' on the llm model: labels then come from the label tokens' log-probabilities, not from parsing";
  }
  if (method.method === 'contextual') {
    return `set ${scoring}calibration='contextual' on the llm model (3 more calls per prediction run, for the content-free inputs)`;
  }
  const bias = (result.labelBias ?? [])
    .map((entry) => `${JSON.stringify(entry.label)}: ${entry.bias.toFixed(3)}`)
    .join(', ');
  return `set ${scoring}label_bias={${bias}} on the llm model (fitted on every row; refit it after any change of the prompt)`;
}
