import {
  countNonZeroFeatures,
  describeRegularizationPath,
  type RegularizationPathResult,
  regularizationPath,
} from '../../analysis/index.js';
import {
  buildModel,
  checkDataFitsModel,
  formatModelSpec,
  type StepSpec,
  tagsOf,
} from '../../catalog/index.js';
import { hasCoefficients, innermostModel } from '../../features/index.js';
import type { PlannedModel } from '../model-plans.js';
import { sampleRows } from '../prepare-data.js';
import type { RegularizationSection, RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

export interface RegularizationStepOptions {
  readonly penalty: 'l1' | 'l2' | 'elasticnet';
  readonly l1_ratio: number;
  readonly cs: number;
}

/**
 * Rows the path is traced on. Its cost is Cs × (folds + 1) fits, and an L1 fit near the unpenalised
 * end (large C) converges slowly, so the path runs on a stratified sample of at most this many rows,
 * warm-started along C; only the C it recommends is then refitted on all the tuning rows.
 */
const PATH_SAMPLE_ROWS = 5000;

/**
 * The regularization path of a logistic regression: the best model when it is one, else the first one
 * among the models, else the best model's transforms followed by a logistic regression.
 */
export async function runRegularizationStep(
  input: StepInput,
  best: PlannedModel,
  models: readonly PlannedModel[],
  options: RegularizationStepOptions,
): Promise<{ section: RegularizationSection; findings: RunFinding[] } | { skipped: string }> {
  const tracesPath = (model: PlannedModel) => tagsOf(model.steps).penaltyPath;
  const linear = tracesPath(best) ? best : models.find(tracesPath);
  const base: StepSpec[] = linear
    ? linear.steps
    : [...best.steps.slice(0, -1), { name: 'logreg', params: {} }];
  // A model that reads raw columns (an LLM) has no numeric features to put a logistic regression on.
  if (!linear && tagsOf(best.steps).rawColumns) return { skipped: 'an LLM has no regularization path' };
  const last = base[base.length - 1];
  const fixed = {
    ...last.params,
    penalty: options.penalty,
    ...(options.penalty === 'elasticnet' ? { l1_ratio: options.l1_ratio } : {}),
  };
  const stepsAt = (C: number): StepSpec[] => [
    ...base.slice(0, -1),
    { name: last.name, params: { ...fixed, C } },
  ];
  checkDataFitsModel(input.tuning, stepsAt(1));
  const sample = sampleRows(input.tuning, PATH_SAMPLE_ROWS, input.config.seed);
  const { features, labels } = sample;
  const path = await regularizationPath((C) => buildModel(stepsAt(C)), features, labels, {
    cs: options.cs,
    cv: input.config.cv,
    scoring: input.config.metric,
    shuffle: true,
    seed: input.config.seed,
    signal: input.signal,
    onProgress: input.onFits,
  });
  const summary = describeRegularizationPath(path, options.penalty);
  const refit = await refitChosen(input, stepsAt, path, sample.features.rows);
  const coefficients = path.coefficients.map((matrix) =>
    Array.from({ length: matrix.cols }, (_, j) => {
      if (matrix.rows === 1) return matrix.data[j];
      let largest = 0;
      for (let k = 0; k < matrix.rows; k++)
        largest = Math.max(largest, Math.abs(matrix.data[k * matrix.cols + j]));
      return largest;
    }),
  );
  const section: RegularizationSection = {
    model: formatModelSpec([...base.slice(0, -1), { name: last.name, params: { ...fixed, C: 'path' } }]),
    penalty: options.penalty,
    scoring: path.scoring,
    cs: Array.from(path.cs),
    featureNames: [...path.featureNames],
    coefficients,
    coefficientKind: path.coefficients[0]?.rows === 1 ? 'signed' : 'largest-absolute',
    nonZero: Array.from(path.nonZero),
    meanScores: Array.from(path.meanScores),
    standardErrors: Array.from(path.standardErrors),
    best: { C: path.best.C, meanScore: path.best.meanScore },
    oneStandardError: { C: path.oneStandardError.C, meanScore: path.oneStandardError.meanScore },
    summary,
    rows: sample.features.rows,
    refit,
  };
  // The path is evidence for the section: its 1-SE C is as accurate by construction, not a measured
  // gain, so it recommends nothing here (the validation curve and the search measure C).
  return { section, findings: [] };
}

/** The recommended (one-standard-error) C fitted on every tuning row (its path fit when no row was left out). */
async function refitChosen(
  input: StepInput,
  stepsAt: (C: number) => StepSpec[],
  path: RegularizationPathResult,
  sampledRows: number,
): Promise<NonNullable<RegularizationSection['refit']>> {
  const { C, index } = path.oneStandardError;
  const rows = input.tuning.features.rows;
  if (rows === sampledRows) return { C, rows, nonZero: path.nonZero[index] };
  const fitted = await buildModel(stepsAt(C)).fit(input.tuning.features, input.tuning.labels, {
    signal: input.signal,
  });
  const model = innermostModel(fitted);
  return {
    C,
    rows,
    nonZero: hasCoefficients(model) ? countNonZeroFeatures(model.coefficients) : path.featureNames.length,
  };
}

export const regularizationStep: WorkflowStep = {
  id: 'regularization',
  detail: () => 'regularization path',
  async run({ input, state }) {
    const options = optionsOf(input.config, 'regularization');
    const result = await runRegularizationStep(input, state.best, state.compared, options);
    if ('skipped' in result) return result;
    return { sections: { regularization: result.section }, findings: result.findings };
  },
};
