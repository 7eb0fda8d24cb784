import { analyseErrors } from '../../analysis/index.js';
import { buildModel } from '../../catalog/index.js';
import type { PlannedModel } from '../model-plans.js';
import type { ErrorAnalysisSection, RunFinding } from '../report-types.js';
import type { StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

const TOP = 10;
/** The error analysis's own threshold for an ECE worth fixing. */
const ECE_WORTH_FIXING = 0.05;

/** Where the tuned model goes wrong, from out-of-fold predictions on every training row. */
export async function runErrorAnalysisStep(
  input: StepInput,
  tuned: PlannedModel,
  options: { readonly n_boot: number },
): Promise<{ section: ErrorAnalysisSection; findings: RunFinding[] }> {
  const analysis = await analyseErrors(buildModel(tuned.steps, input.build), input.train, {
    folds: input.config.cv,
    shuffle: true,
    seed: input.config.seed,
    nBoot: options.n_boot,
    signal: input.signal,
    onProgress: input.onFits,
  });
  const section: ErrorAnalysisSection = {
    model: tuned.spec,
    protocol: analysis.protocol.description,
    rows: analysis.dataset.rows,
    errorRate: analysis.errorRate,
    overallErrorRate: analysis.errorRate,
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
      row: suspect.row + 1,
      givenLabel: suspect.givenLabel,
      suggestedLabel: suspect.suggestedLabel,
      givenLabelProbability: suspect.givenLabelProbability,
    })),
    confidentlyWrong: analysis.confidentMistakes.slice(0, TOP).map((row) => ({
      row: row.row + 1,
      trueLabel: row.trueLabel,
      predicted: row.predicted,
      confidence: row.confidence,
    })),
    textClusters: analysis.textClusters.map((cluster) => ({
      column: cluster.column,
      size: cluster.size,
      topTerms: [...cluster.topTerms],
      examples: cluster.exampleRows.map((row, k) => ({ row: row + 1, text: cluster.exampleTexts[k] })),
    })),
    findings: analysis.findings.map((finding) => ({ ...finding })),
  };
  const findings = analysis.findings
    // The overview and the baseline test are the final evaluation's job, on the held-out rows.
    .filter((finding) => finding.kind !== 'overview' && finding.kind !== 'baseline')
    // The first of each kind (two confusion pairs) up front; the report's section lists them all.
    .filter((finding, k, all) => {
      const earlier = all.slice(0, k).filter((other) => other.kind === finding.kind).length;
      return earlier < (finding.kind === 'confusion-pair' ? 2 : 1);
    })
    .map(
      (finding): RunFinding => ({
        section: 'error-analysis',
        level: levelOf(finding.kind, analysis.calibration.ece),
        message: `Errors: ${finding.message}`,
        suggestion: finding.suggestion,
      }),
    );
  return { section, findings };
}

/** Rows to check (label errors, confident mistakes, weak slices) are worth fixing; the rest inform. */
function levelOf(kind: string, ece: number): RunFinding['level'] {
  if (kind === 'calibration') return ece > ECE_WORTH_FIXING ? 'warn' : 'info';
  return kind === 'label-errors' || kind === 'confidently-wrong' || kind === 'weak-slice' ? 'warn' : 'info';
}

export const errorAnalysisStep: WorkflowStep = {
  id: 'error_analysis',
  detail: ({ state }) => `error analysis of ${state.tuned.spec}`,
  async run({ input, state }) {
    const result = await runErrorAnalysisStep(input, state.tuned, optionsOf(input.config, 'error_analysis'));
    return { sections: { errorAnalysis: result.section }, findings: result.findings };
  },
};
