import { llmRobustness } from '../../analysis/llm/robustness/index.js';
import { buildModel } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { LLM_CLASSIFIER_KIND } from '../../models/index.js';
import { stratifiedKFold, trainTestSplit } from '../../splits/index.js';
import type { RunConfig } from '../config-schema.js';
import type { LlmRobustnessSection } from '../llm-robustness-section.js';
import type { RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type StepRun, type WorkflowStep } from '../workflow-step.js';

/** At most `maxRows` of the training rows, stratified and in ascending order (all when there are fewer). */
function sampledRows(input: StepInput, maxRows: number): Int32Array {
  const n = input.train.features.rows;
  const all = Int32Array.from({ length: n }, (_, row) => row);
  if (n <= maxRows) return all;
  const { test } = trainTestSplit(n, {
    testSize: maxRows,
    seed: input.config.seed,
    stratify: input.train.labels.codes,
  });
  return Int32Array.from(test).sort();
}

/**
 * The tuned model's robustness on a bounded stratified sample of the training rows (the final test rows
 * stay untouched), out of fold: for an LLM, the prompt's format and label-list variants and repeated
 * sampling; for any model with a text column, edits of that text. The model is built with the run's
 * runtime, so its calls go through the run store's cache: the baseline's answers come from the
 * comparison, and a rerun makes no new call.
 */
export async function runLlmRobustnessStep(
  input: StepInput,
  tuned: StepRun['state']['tuned'],
): Promise<{ section: LlmRobustnessSection; findings: RunFinding[] }> {
  const options = optionsOf(input.config, 'llm_robustness');
  const rows = sampledRows(input, options.max_rows);
  const features = takeFeatureRows(input.train.features, rows);
  const labels = takeLabelRows(input.train.labels, rows);
  const { folds } = stratifiedKFold(
    labels.codes,
    Math.min(input.config.cv, minimumClassCount(labels.codes)),
    {
      shuffle: true,
      seed: input.config.seed,
    },
  );
  const model = buildModel(tuned.steps, input.build);
  const result = await llmRobustness(model, features, labels, {
    folds,
    families: options.families,
    samples: options.samples,
    seed: input.config.seed,
    signal: input.signal,
  });
  const fileRow = (row: number) => input.trainFileRows[rows[row]];
  const findings = result.findings.map((finding) => ({ ...finding, rows: finding.rows.map(fileRow) }));
  const sampling = result.sampling.ran
    ? {
        ...result.sampling,
        unstableRows: result.sampling.unstableRows.map((row) => ({ ...row, row: fileRow(row.row) })),
      }
    : result.sampling;
  return {
    section: {
      ...result,
      model: tuned.spec,
      rows: rows.length,
      folds: folds.length,
      flippedRows: result.flippedRows.map((flip) => ({ ...flip, row: fileRow(flip.row) })),
      sampling,
      findings,
    },
    findings: findings.map(
      (finding): RunFinding => ({
        section: 'llm-robustness',
        ...finding,
        message: `Robustness: ${finding.message}`,
        ...(finding.impact ? { stake: finding.impact.gain } : {}),
      }),
    ),
  };
}

/** A fold needs a row of every class: no more folds than the rarest class has rows (at least 2). */
function minimumClassCount(codes: Int32Array): number {
  const counts = new Map<number, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return Math.max(2, Math.min(...counts.values()));
}

/** An LLM alone, or any model whose data has a text column to perturb. */
function robustnessApplies({ state, input }: StepRun): boolean {
  const llmAlone = state.tuned.kind === LLM_CLASSIFIER_KIND && state.tuned.steps.length === 1;
  return llmAlone || input.train.features.columns.some((column) => column.kind === 'text');
}

export const llmRobustnessStep: WorkflowStep = {
  id: 'llm_robustness',
  appliesWhen: robustnessApplies,
  appliesToConfig: (config: RunConfig) =>
    (config.models ?? []).some((spec) => /^\s*llm\s*\(/.test(spec)) || config.data.text.length > 0,
  detail: ({ state }) => `robustness of ${state.tuned.spec} to prompt and input variants`,
  async run({ input, state }) {
    const result = await runLlmRobustnessStep(input, state.tuned);
    return { sections: { llmRobustness: result.section }, findings: result.findings };
  },
  outcome: (result) => `${result.findings.length} findings`,
};
