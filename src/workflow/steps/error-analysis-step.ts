import {
  analyseErrors,
  errorFindingRecords,
  type MemberOutOfFold,
  withLabelErrorsGated,
} from '../../analysis/index.js';
import { buildModel } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { calibrationData } from '../calibration-data.js';
import { stepOptions } from '../config-schema.js';
import type { PlannedModel } from '../model-plans.js';
import { sampledRowIndices } from '../prepare-data.js';
import type { ErrorAnalysisSection, RunFinding } from '../report-types.js';
import { limitedRows } from '../sampled-folds.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

const TOP = 10;

/**
 * Where the tuned model goes wrong, from out-of-fold predictions on the training rows: the comparison's
 * when it cross-validated this very model on all of them (the same folds), else a new cross-validation
 * on at most `max_rows` of them (a stratified sample). Rows are named by the user's file (the split's
 * rows mapped back); calibration goes to the run's single verdict.
 * Label errors are read only off a model that beats the most-frequent-class baseline (see the gate).
 */
export async function runErrorAnalysisStep(
  input: StepInput,
  tuned: PlannedModel,
  options: { readonly n_boot: number; readonly max_rows?: number },
): Promise<{ section: ErrorAnalysisSection; findings: RunFinding[] }> {
  const { config, train } = input;
  const compared = reusableOutOfFold(input, tuned);
  const maxRows = limitedRows(options.max_rows ?? 0, input.budget?.rowLimit('error_analysis'));
  const kept = compared ? undefined : sampledRowIndices(train, maxRows, config.seed);
  const dataset = kept
    ? { ...train, features: takeFeatureRows(train.features, kept), labels: takeLabelRows(train.labels, kept) }
    : train;
  const analysis = withLabelErrorsGated(
    await analyseErrors(buildModel(tuned.steps, input.build), dataset, {
      folds: config.cv,
      shuffle: true,
      seed: config.seed,
      nBoot: options.n_boot,
      signal: input.signal,
      onProgress: input.onFits,
      ...(compared ? { outOfFold: compared } : {}),
    }),
  );
  const fileRow = (row: number) => input.trainFileRows[kept ? kept[row] : row];
  const protocol = `${analysis.protocol.description}${compared ? ` (the model comparison's, reused${comparisonCap(input)})` : ''}${kept ? `, on a stratified sample of ${kept.length} of the ${train.features.rows} training rows` : ''}`;
  const records = errorFindingRecords(analysis, fileRow);
  const section: ErrorAnalysisSection = {
    model: tuned.spec,
    protocol,
    rows: analysis.dataset.rows,
    errorRate: analysis.errorRate,
    overallErrorRate: analysis.errorRate,
    calibration: calibrationData(analysis.calibration),
    confusionPairs: analysis.confusionPairs.slice(0, TOP).map((pair) => ({ ...pair })),
    weakSlices: analysis.weakSlices.slice(0, TOP).map((slice) => ({
      slice: slice.conditions.map((c) => `${c.feature} ${c.description}`).join(' and '),
      support: slice.support,
      errorRate: slice.errorRate,
      low: slice.ci.low,
      high: slice.ci.high,
      qValue: slice.qValue,
    })),
    suspectedLabelErrors: analysis.suspectedLabelErrors.slice(0, TOP).map((suspect) => ({
      row: fileRow(suspect.row),
      givenLabel: suspect.givenLabel,
      suggestedLabel: suspect.suggestedLabel,
      givenLabelProbability: suspect.givenLabelProbability,
    })),
    confidentlyWrong: analysis.confidentMistakes.slice(0, TOP).map((row) => ({
      row: fileRow(row.row),
      trueLabel: row.trueLabel,
      predicted: row.predicted,
      confidence: row.confidence,
    })),
    textClusters: analysis.textClusters.map((cluster) => ({
      column: cluster.column,
      size: cluster.size,
      topTerms: [...cluster.topTerms],
      examples: cluster.exampleRows.map((row, k) => ({ row: fileRow(row), text: cluster.exampleTexts[k] })),
    })),
    findings: records.map((record) => ({
      kind: record.code,
      message: record.message,
      suggestion: record.suggestion,
    })),
  };
  // The first of each code (two confusion pairs) up front; the report's section lists them all.
  const findings = records
    .filter((record, k, all) => {
      const earlier = all.slice(0, k).filter((other) => other.code === record.code).length;
      return earlier < (record.code === 'confusion_pair' ? 2 : 1);
    })
    .map(
      (record): RunFinding => ({
        section: 'error-analysis',
        ...record,
        message: `Errors: ${record.message}`,
      }),
    );
  return { section, findings };
}

/**
 * The comparison's out-of-fold outputs of `model` on all training rows (its folds are the ones the error
 * analysis makes), or undefined when it did not cross-validate this model, or a budget cut its race
 * short (then they come from fits on part of each fold).
 */
export function reusableOutOfFold(input: StepInput, model: PlannedModel): MemberOutOfFold | undefined {
  if (input.budget?.cuts.some((cut) => cut.step === 'baseline')) return undefined;
  return input.outOfFold?.get(model.spec);
}

/** How the comparison's fits were capped on this file, in words (empty when they trained on whole folds). */
function comparisonCap(input: StepInput): string {
  const cap = stepOptions(input.config, 'baseline')?.max_fold_rows ?? 0;
  const { cv } = input.config;
  const foldRows = Math.floor((input.train.features.rows * (cv - 1)) / cv);
  return cap > 0 && foldRows > cap
    ? `; each fit trained on ${cap} of its fold's ~${foldRows} training rows`
    : '';
}

export const errorAnalysisStep: WorkflowStep = {
  id: 'error_analysis',
  detail: ({ state }) => `error analysis of ${state.tuned.spec}`,
  async run({ input, state }) {
    const result = await runErrorAnalysisStep(input, state.tuned, optionsOf(input.config, 'error_analysis'));
    return { sections: { errorAnalysis: result.section }, findings: result.findings };
  },
};
