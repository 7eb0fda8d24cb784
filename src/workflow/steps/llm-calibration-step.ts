import { llmCalibration } from '../../analysis/llm/calibration/index.js';
import { buildModel } from '../../catalog/index.js';
import { LLM_CLASSIFIER_KIND, type LlmClassifier } from '../../models/index.js';
import { stratifiedKFold } from '../../splits/index.js';
import type { LlmCalibrationSection } from '../llm-calibration-section.js';
import type { PlannedModel } from '../model-plans.js';
import type { RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import type { WorkflowStep } from '../workflow-step.js';

/**
 * Calibration of the tuned LLM's answers, out of fold on the training rows (the final test rows stay
 * untouched): what label-token scoring, contextual calibration and a per-class bias gain over the
 * answers as configured. The calls go through the run's LLM runtime, so its cache answers repeats.
 */
export async function runLlmCalibrationStep(
  input: StepInput,
  tuned: PlannedModel,
): Promise<{ section: LlmCalibrationSection; findings: RunFinding[] }> {
  const llm = buildModel(tuned.steps, input.build) as LlmClassifier;
  const { folds } = stratifiedKFold(input.train.labels.codes, input.config.cv, {
    shuffle: true,
    seed: input.config.seed,
  });
  const result = await llmCalibration(llm, input.train.features, input.train.labels, {
    folds,
    seed: input.config.seed,
    signal: input.signal,
  });
  const fileRow = (row: number) => input.trainFileRows[row];
  const findings = result.findings.map((finding) => ({ ...finding, rows: finding.rows.map(fileRow) }));
  return {
    section: {
      model: tuned.spec,
      rows: input.train.features.rows,
      folds: folds.length,
      basis: result.basis,
      methods: result.methods.map((method) => ({ ...method, changedRows: method.changedRows.map(fileRow) })),
      skipped: result.skipped,
      contentFree: result.contentFree,
      labelBias: result.labelBias,
      findings,
    },
    findings: findings.map(
      (finding): RunFinding => ({
        section: 'llm-calibration',
        ...finding,
        message: `LLM calibration: ${finding.message}`,
        ...(finding.impact ? { stake: finding.impact.gain } : {}),
      }),
    ),
  };
}

/** An LLM classifier alone (no steps before it) whose params give class probabilities to rescale. */
function calibratable(model: PlannedModel): boolean {
  if (model.kind !== LLM_CLASSIFIER_KIND || model.steps.length !== 1) return false;
  const params = model.steps[0].params;
  const json = params.parse === 'json' || params.structured_output === true;
  const probabilities = params.probabilities ?? 'auto';
  const logprobs =
    params.scoring === 'logprob' || (!json && (probabilities === 'auto' || probabilities === 'logprobs'));
  return logprobs || (Number(params.samples ?? 1) > 1 && probabilities !== 'one-hot');
}

export const llmCalibrationStep: WorkflowStep = {
  id: 'llm_calibration',
  appliesWhen: ({ state }) => calibratable(state.tuned),
  appliesToConfig: (config) => (config.models ?? []).some((spec) => /^\s*llm\s*\(/.test(spec)),
  detail: ({ state }) => `calibration of ${state.tuned.spec}'s answers`,
  async run({ input, state }) {
    const result = await runLlmCalibrationStep(input, state.tuned);
    return { sections: { llmCalibration: result.section }, findings: result.findings };
  },
  outcome: (result) => `${result.findings.length} findings`,
};
