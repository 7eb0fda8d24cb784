import { METHOD_NAMES } from '../../analysis/llm/calibration/calibration-findings.js';
import type { LlmCalibration } from '../../analysis/llm/calibration/index.js';
import { datasetLine } from './dataset-line.js';
import { findingLines } from './finding-lines.js';
import { fixed, textTable } from './text-table.js';

type DatasetLike = Parameters<typeof datasetLine>[1];

const interval = (value: { estimate: number; low: number; high: number }): string =>
  `${fixed(value.estimate, 3)} [${fixed(value.low, 3)}, ${fixed(value.high, 3)}]`;

const BASIS = {
  logprob: "the label tokens' log-probabilities",
  samples: 'the vote shares of the sampled answers (no logprobs)',
} as const;

/** The methods' accuracy and ECE with their paired gains, the content-free answer, the bias and findings. */
export function llmCalibrateText(
  result: LlmCalibration,
  dataset: DatasetLike,
  model: string,
  folds: number,
): string {
  const table = textTable(
    ['method', 'accuracy [95% CI]', 'gain [95% CI]', 'ECE [95% CI]', 'ECE cut [95% CI]', 'rows changed'],
    result.methods.map((method, m) => [
      METHOD_NAMES[method.method],
      interval(method.accuracy),
      m === 0 ? '' : interval(method.accuracyGain),
      interval(method.ece),
      m === 0 ? '' : interval(method.eceReduction),
      m === 0 ? '' : String(method.changedRows.length),
    ]),
  );
  const share = (entries: readonly { label: string; value: number }[]) =>
    entries.map((entry) => `${entry.label} ${fixed(entry.value, 3)}`).join(', ');
  const findings = findingLines(result.findings);
  const { calls, cacheHits } = result.usage;
  return [
    datasetLine('llm-calibrate', dataset),
    `model: ${model}`,
    `protocol: every method out of fold (${folds}-fold stratified) on the same rows; 95 % paired bootstrap intervals`,
    `class probabilities from ${BASIS[result.basis]}`,
    `LLM calls: ${calls} (${cacheHits} answered from the cache)`,
    '',
    table,
    ...result.skipped.map((skip) => `${METHOD_NAMES[skip.method]} skipped: ${skip.reason}`),
    '',
    result.contentFree
      ? `content-free answer ("N/A", "", "[MASK]"), mean over folds: ${share(result.contentFree.map((entry) => ({ label: entry.label, value: entry.probability })))}`
      : 'content-free answer: none of the content-free inputs got a label',
    ...(result.labelBias
      ? [
          `per-class bias fitted on all rows (added to the label log-probabilities): ${share(result.labelBias.map((entry) => ({ label: entry.label, value: entry.bias })))}`,
        ]
      : []),
    '',
    ...(findings.length > 0 ? ['Findings', ...findings] : ['Findings: none (no gain is verified)']),
  ].join('\n');
}
