import { fitEpochCurve } from '../../analysis/index.js';
import { parseModelSpec, tagsOf } from '../../catalog/index.js';
import type { EpochCurveSection, RunFinding } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import type { WorkflowStep } from '../workflow-step.js';

/**
 * One fit of the best model on the tuning rows, reading its per-epoch training and validation loss (the
 * model's own early-stopping split), with the verdict in words: still improving, converged, overfitting
 * since epoch N, or diverging.
 */
export async function runEpochCurveStep(
  input: StepInput,
  model: PlannedModel,
): Promise<{ section: EpochCurveSection; findings: RunFinding[] }> {
  const { features, labels } = input.tuning;
  input.onFits(0, 1);
  const curve = await fitEpochCurve(features, labels, model.steps, input.signal);
  input.onFits(1, 1);
  const { history, verdict } = curve;
  const section: EpochCurveSection = {
    model: model.spec,
    rows: features.rows,
    trainLoss: [...history.trainLoss],
    validationLoss: history.validationLoss ? [...history.validationLoss] : null,
    validationScore: history.validationScore ? [...history.validationScore] : null,
    bestEpoch: history.bestEpoch ?? null,
    validationFraction: curve.validationFraction ?? null,
    earlyStoppingAdded: curve.earlyStoppingAdded,
    verdict: { diagnosis: verdict.diagnosis, summary: verdict.summary, nextStep: verdict.nextStep },
  };
  const code =
    verdict.diagnosis === 'diverging'
      ? ('training_diverged' as const)
      : verdict.diagnosis === 'overfitting'
        ? ('overfitting' as const)
        : undefined;
  // A converged or still-improving training is a result for the section, not a problem.
  const findings: RunFinding[] = code
    ? [
        {
          section: 'epoch-curve',
          code,
          level: code === 'training_diverged' ? 'fail' : 'warn',
          message: `Training by epochs (${model.spec}, ${history.trainLoss.length} epochs): ${verdict.summary}.`,
          suggestion: verdict.nextStep,
          columns: [],
          rows: [],
        },
      ]
    : [];
  return {
    section,
    findings,
  };
}

/** Only a model trained by epochs has per-epoch curves; for any other the step does not apply. */
export const epochCurveStep: WorkflowStep = {
  id: 'epoch_curve',
  appliesWhen: ({ state }) => tagsOf(state.best.steps).trainsByEpochs,
  // The default models have none trained by epochs.
  appliesToConfig: (config) =>
    (config.models ?? []).some((spec) => tagsOf(parseModelSpec(spec)).trainsByEpochs),
  detail: ({ state }) => `per-epoch losses of ${state.best.spec}`,
  async run({ input, state }) {
    const result = await runEpochCurveStep(input, state.best);
    return { sections: { epochCurve: result.section }, findings: result.findings };
  },
};
