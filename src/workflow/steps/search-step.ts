import { formatGain, impactOf } from '../../analysis/index.js';
import { tuningOf } from '../../catalog/index.js';
import { pairedGain } from '../../metrics/index.js';
import { applyParams, createStrategy, search } from '../../selection/index.js';
import { type PlannedModel, plannedFromSteps } from '../model-plans.js';
import type { RunFinding, SearchSection } from '../report-types.js';
import { limitedRows, sampledFolds } from '../sampled-folds.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

export interface SearchStepOptions {
  readonly strategy: 'grid' | 'random' | 'halving' | 'tpe';
  readonly grid?: readonly string[];
  readonly space?: readonly string[];
  readonly trials?: number;
  /** Rows of the tuning sample the candidates are cross-validated on (a stratified sample; 0 = all). */
  readonly max_rows?: number;
}

/**
 * Tunes the best model: the config's search space, else a small grid per model kind that includes the
 * model's own values, so "tuned" is compared with "as given" on the same folds.
 */
export async function runSearchStep(
  input: StepInput,
  model: PlannedModel,
  options: SearchStepOptions,
): Promise<{ section: SearchSection; tuned: PlannedModel; findings: RunFinding[] } | { skipped: string }> {
  const plan = tuningOf(model.steps);
  const final = model.steps[model.steps.length - 1];
  const ownGrid = options.grid === undefined && options.space === undefined;
  if (ownGrid && plan === undefined) {
    return { skipped: `no default search space for ${model.kind}: set steps.search.grid or space` };
  }
  const defaults: Record<string, unknown> = {};
  const grid = ownGrid
    ? (plan?.grid ?? []).map((text) => {
        const key = text.slice(0, text.indexOf('='));
        const current = final.params[key] ?? plan?.defaults[key];
        defaults[key] = current;
        const values = text.slice(text.indexOf('=') + 1).split(',');
        const currentText = current === null ? 'null' : String(current);
        return values.includes(currentText) ? text : `${text},${currentText}`;
      })
    : (options.grid ?? []);
  const strategy = createStrategy({
    strategy: options.strategy,
    grid,
    space: options.space ?? [],
    trials: options.trials,
  });
  const { features, labels } = input.tuning;
  const { config } = input;
  // Every candidate costs a fit per fold: on a big file they are compared on a sample, and only the
  // winner is fitted on all training rows (by the final test).
  const sample = sampledFolds(
    input.tuning,
    input.tuningFolds,
    limitedRows(options.max_rows ?? 0, input.budget?.rowLimit('search')),
    config.cv,
    config.seed,
  );
  const result = await search(features, labels, {
    steps: model.steps,
    strategy,
    cv: sample.folds,
    scoring: input.config.metric,
    seed: input.config.seed,
    refit: false,
    executor: input.executor,
    signal: input.signal,
    onProgress: (progress) => input.onFits(progress.doneFits, progress.plannedFits),
  });
  const defaultTrial = ownGrid
    ? result.trials.find((trial) =>
        Object.entries(defaults).every(([key, value]) => trial.params[key] === value),
      )
    : undefined;
  const best = result.trials[result.bestIndex];
  const gain = defaultTrial ? pairedGain(best.testScores, defaultTrial.testScores) : null;
  // Tuned params replace the given ones only when their gain is above fold noise (or nothing to compare).
  const improves = gain === null ? defaultTrial === undefined : gain.low > 0;
  const tuned = improves ? plannedFromSteps(applyParams(model.steps, result.bestParams)) : model;
  const section: SearchSection = {
    model: model.spec,
    strategy: result.strategy,
    scoring: result.scoring,
    rows: sample.rows,
    trials: result.trials.map((trial) => ({
      params: { ...trial.params },
      mean: trial.meanTestScore,
      std: trial.stdTestScore,
    })),
    bestParams: { ...result.bestParams },
    bestScore: result.bestScore,
    defaultParams: defaults,
    defaultScore: defaultTrial?.meanTestScore ?? null,
    gain,
    tunedModel: tuned.spec,
  };
  const params = formatParams(result.bestParams);
  // Only a verified gain is a finding; "none beats the defaults" and ties within noise stay in the section.
  const findings: RunFinding[] =
    gain !== null && gain.low > 0
      ? [
          {
            section: 'search',
            code: 'tuning_gain',
            level: 'info',
            message: `Tuning ${model.spec}: ${params} scores CV ${result.scoring} ${result.bestScore.toFixed(4)} against ${(defaultTrial?.meanTestScore ?? 0).toFixed(4)} with ${formatParams(defaults)}, ${formatGain(gain)} on the same folds${sample.rows < input.train.features.rows ? ` (a stratified sample of ${sample.rows} of the ${input.train.features.rows} training rows)` : ''}.`,
            suggestion: `use ${params}: the gain is above fold-to-fold noise`,
            columns: [],
            rows: [],
            impact: impactOf(result.scoring, gain),
            stake: gain.mean,
          },
        ]
      : [];
  return { section, tuned, findings };
}

function formatParams(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${value === null ? 'null' : String(value)}`)
    .join(', ');
}

export const searchStep: WorkflowStep = {
  id: 'search',
  detail: ({ state }) => `tuning ${state.best.spec}`,
  async run({ input, state }) {
    const result = await runSearchStep(input, state.best, optionsOf(input.config, 'search'));
    if ('skipped' in result) return result;
    return {
      sections: { search: result.section },
      findings: result.findings,
      state: { tuned: result.tuned },
    };
  },
};
