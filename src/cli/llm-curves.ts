import {
  type FewShotCurve,
  fewShotCurve,
  type MajorityAtKCurve,
  majorityAtKCurve,
} from '../analysis/curves/few-shot-curve.js';
import { formatModelSpec } from '../catalog/index.js';
import { ModeldebugError } from '../core/errors.js';
import type { RunSummary } from '../llm/engine/run-progress.js';
import { datasetLine } from './format/dataset-line.js';
import { versionedDocument } from './format/json-document.js';
import { fixed, textTable } from './format/text-table.js';
import { type LlmTechniqueFlags, readLlmTechniqueInput } from './llm-technique-input.js';
import { type ModelFlags, modelStepsFromFlags } from './model-options.js';

/** The curve flags an LLM classifier adds: `--few-shot 0,1,2,4,8` and `--maj-at-k 5`. */
export interface LlmCurveFlags {
  readonly fewShot?: string;
  readonly majAtK?: string;
}

/**
 * `modeldebug curve --few-shot` / `--maj-at-k`: the learning curves of an LLM, whose "training size" is
 * the number of examples in its prompt, and whose self-consistency votes can be counted from one run.
 */
export async function runLlmCurves(
  data: string | undefined,
  flags: LlmCurveFlags &
    ModelFlags &
    Omit<LlmTechniqueFlags, 'model' | 'cache'> & { readonly scoring?: string },
): Promise<number> {
  if (flags.scoring !== undefined && flags.scoring !== 'accuracy') {
    throw new ModeldebugError('invalid_argument', 'the few-shot and maj@k curves score accuracy only', {
      where: '--scoring',
      hint: 'drop --scoring (rows an LLM leaves without a label count as wrong)',
    });
  }
  const model = formatModelSpec(modelStepsFromFlags(flags));
  const input = await readLlmTechniqueInput('curve', data, { ...flags, model, cache: true });
  const { features, labels } = input.dataset;
  const options = { folds: input.folds };
  let shots: FewShotCurve | undefined;
  let majority: MajorityAtKCurve | undefined;
  try {
    if (flags.fewShot !== undefined) {
      shots = await fewShotCurve(input.llm, features, labels, numbers(flags.fewShot), options);
    }
    if (flags.majAtK !== undefined) {
      majority = await majorityAtKCurve(input.llm, features, labels, Number(flags.majAtK), options);
    }
  } finally {
    input.close();
  }
  if (flags.json) {
    process.stdout.write(
      versionedDocument('llm-curve', 2, {
        dataset: { source: input.dataset.source, rows: features.rows },
        model,
        folds: input.folds.length,
        fewShot: shots ?? null,
        majorityAtK: majority ?? null,
      }),
    );
    return 0;
  }
  const sections = [
    datasetLine('curve', input.dataset),
    `model: ${model}`,
    `protocol: ${input.folds.length}-fold stratified cross-validation; few-shot examples from the training folds only; outcome-aware accuracy`,
  ];
  if (shots) sections.push('', formatFewShot(shots));
  if (majority) sections.push('', formatMajority(majority));
  process.stdout.write(`${sections.join('\n')}\n`);
  return 0;
}

function numbers(text: string): number[] {
  return text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
}

function calls(usage: RunSummary): string {
  return `${usage.calls}${usage.cacheHits > 0 ? ` (+${usage.cacheHits} cached)` : ''}`;
}

function formatFewShot(curve: FewShotCurve): string {
  const nFolds = curve.points[0]?.foldScores.length ?? 0;
  const table = textTable(
    ['k', 'CV accuracy', '±', ...Array.from({ length: nFolds }, (_, f) => `fold ${f + 1}`), 'calls'],
    curve.points.map((point) => [
      String(point.k),
      fixed(point.accuracy),
      fixed(point.std),
      ...point.foldScores.map((score) => fixed(score)),
      calls(point.usage),
    ]),
  );
  const best = curve.points.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  const first = curve.points[0];
  const verdict =
    best.k === first.k
      ? `more examples do not help: k=${first.k} is as good as any`
      : `k=${best.k} is best (${fixed(best.accuracy)} vs ${fixed(first.accuracy)} at k=${first.k}); the smallest k within 0.01 of it is k=${curve.points.find((p) => p.accuracy >= best.accuracy - 0.01)!.k}`;
  return [
    `Few-shot curve (${curve.selection} examples, nested: the first k of the larger sets)`,
    table,
    `verdict: ${verdict}`,
  ].join('\n');
}

function formatMajority(curve: MajorityAtKCurve): string {
  const table = textTable(
    ['k', 'maj@k accuracy', 'rows with no label'],
    curve.points.map((point) => [String(point.k), fixed(point.accuracy), String(point.unlabelled)]),
  );
  const first = curve.points[0];
  const last = curve.points[curve.points.length - 1];
  const gain = last.accuracy - first.accuracy;
  return [
    `Majority at k (one run of ${curve.samples} samples per row, LLM calls: ${calls(curve.usage)})`,
    table,
    `verdict: voting over ${curve.samples} samples ${gain > 0 ? `adds ${fixed(gain)}` : gain < 0 ? `loses ${fixed(-gain)}` : 'adds nothing'} over one sample`,
  ].join('\n');
}
