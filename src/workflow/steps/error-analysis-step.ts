import { analyseErrors, errorFindingRecords, withLabelErrorsGated } from '../../analysis/index.js';
import { buildModel } from '../../catalog/index.js';
import { calibrationData } from '../calibration-data.js';
import type { PlannedModel } from '../model-plans.js';
import type { ErrorAnalysisSection, RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

const TOP = 10;

/**
 * Where the tuned model goes wrong, from out-of-fold predictions on every training row. Rows are named
 * by the user's file (the split's rows mapped back); calibration goes to the run's single verdict.
 * Label errors are read only off a model that beats the most-frequent-class baseline (see the gate).
 */
export async function runErrorAnalysisStep(
  input: StepInput,
  tuned: PlannedModel,
  options: { readonly n_boot: number },
): Promise<{ section: ErrorAnalysisSection; findings: RunFinding[] }> {
  const analysis = withLabelErrorsGated(
    await analyseErrors(buildModel(tuned.steps, input.build), input.train, {
      folds: input.config.cv,
      shuffle: true,
      seed: input.config.seed,
      nBoot: options.n_boot,
      signal: input.signal,
      onProgress: input.onFits,
    }),
  );
  const fileRow = (row: number) => input.trainFileRows[row];
  const records = errorFindingRecords(analysis, fileRow);
  const section: ErrorAnalysisSection = {
    model: tuned.spec,
    protocol: analysis.protocol.description,
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

export const errorAnalysisStep: WorkflowStep = {
  id: 'error_analysis',
  detail: ({ state }) => `error analysis of ${state.tuned.spec}`,
  async run({ input, state }) {
    const result = await runErrorAnalysisStep(input, state.tuned, optionsOf(input.config, 'error_analysis'));
    return { sections: { errorAnalysis: result.section }, findings: result.findings };
  },
};
