import { frontBasesOf, llmFront } from '../../analysis/llm/front/index.js';
import { LLM_CLASSIFIER_KIND } from '../../models/index.js';
import { llmRuntimeOf } from '../../models/llm-classifier/runtime.js';
import { stratifiedKFold } from '../../splits/index.js';
import type { RunConfig } from '../config-schema.js';
import type { LlmFrontSection } from '../llm-front-section.js';
import { planModel } from '../model-plans.js';
import type { RunFinding } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

/** An LLM classifier alone (no transform before it) is an arm of the front. */
const isLlmAlone = (model: PlannedModel) => model.kind === LLM_CLASSIFIER_KIND && model.steps.length === 1;

/**
 * The cost–accuracy front of the run's LLM models (× the config's few-shot k and maj@k) on the training
 * rows, on the comparison's folds: with the defaults the arms are the models as configured, whose
 * answers the comparison already cached, so the section costs no new call.
 */
export async function runLlmFrontStep(
  input: StepInput,
  models: readonly PlannedModel[],
): Promise<{ section: LlmFrontSection; findings: RunFinding[] }> {
  const { train, config } = input;
  const options = optionsOf(config, 'llm_front');
  const { folds } = stratifiedKFold(train.labels.codes, config.cv, { shuffle: true, seed: config.seed });
  const llmParams = models.filter(isLlmAlone).map((model) => model.steps[0].params);
  const result = await llmFront(train.features, train.labels, {
    bases: frontBasesOf(llmParams),
    shots: options.shots,
    maj: options.maj,
    maxCost: options.max_cost ?? null,
    firstRung: options.first_rung,
    objectives: options.objectives,
    folds,
    seed: config.seed,
    // The run store's cache file (unless the spec names its own cache): the comparison's answers, and a
    // rerun's, come from it.
    runtime: llmRuntimeOf(llmParams[0], input.build),
    signal: input.signal,
  });
  const fileRow = (row: number) => input.trainFileRows[row];
  const findings = result.findings.map(
    (finding): RunFinding => ({
      ...finding,
      section: 'llm-front',
      rows: finding.rows.map(fileRow),
    }),
  );
  return { section: { ...result, folds: folds.length, findings }, findings };
}

export const llmFrontStep: WorkflowStep = {
  id: 'llm_front',
  appliesWhen: ({ state }) => state.models.some(isLlmAlone),
  appliesToConfig: (config: RunConfig) =>
    (config.models ?? []).some((spec) => {
      try {
        return isLlmAlone(planModel(spec));
      } catch {
        // A spec that does not parse fails in the comparison, with its message; here it is no LLM.
        return false;
      }
    }),
  detail: ({ state }) => `cost–accuracy front of ${state.models.filter(isLlmAlone).length} LLM model(s)`,
  async run({ input, state }) {
    const result = await runLlmFrontStep(input, state.models);
    return { sections: { llmFront: result.section }, findings: result.findings };
  },
  outcome: (result) => `front: ${result.sections.llmFront?.front.length ?? 0} arm(s)`,
};
