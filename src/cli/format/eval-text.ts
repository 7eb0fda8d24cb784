import type { Evaluation } from '../../analysis/index.js';
import { formatClassificationReport } from '../../metrics/index.js';
import { fixed, textTable } from './text-table.js';

/** The human-readable `modeldebug eval` output. */
export function formatEvaluation(evaluation: Evaluation, modelSpec: string): string {
  const { dataset, metrics } = evaluation;
  const sections = [
    `modeldebug eval: ${dataset.source} (${dataset.rows} rows, ${dataset.features} features, ${dataset.classes.length} classes)`,
    `model: ${modelSpec}\nprotocol: ${evaluation.protocol.description}`,
  ];
  if (evaluation.crossValidation) sections.push(formatFolds(evaluation.crossValidation));
  const scope =
    evaluation.protocol.kind === 'cross-validation'
      ? `pooled out-of-fold predictions, ${metrics.rows} rows`
      : `${metrics.rows} test rows`;
  sections.push(`Metrics (${scope})\n${nonAnswerNotice(evaluation)}${formatHeadline(evaluation)}`);
  sections.push(`Classification report\n${formatClassificationReport(metrics.report).trimEnd()}`);
  sections.push(
    `Confusion matrix (rows: true label, columns: predicted; count and % of the row)\n${formatConfusion(evaluation)}`,
  );
  if (evaluation.llmOutcomes) sections.push(formatLlmOutcomes(evaluation.llmOutcomes));
  const notes = [
    ...metrics.warnings.map((warning) => `${warning.category}: ${warning.message}`),
    ...metrics.undefinedMetrics.map((entry) => `${entry.metric} undefined: ${entry.reason}`),
    ...uniqueMessages(evaluation.warnings.map((warning) => `${warning.code}: ${warning.message}`)),
  ];
  if (notes.length > 0) sections.push(`Warnings\n${notes.map((note) => `- ${note}`).join('\n')}`);
  return `${sections.join('\n\n')}\n`;
}

function formatFolds(cv: NonNullable<Evaluation['crossValidation']>): string {
  const rows = cv.folds.map((fold, f) => [
    `fold ${f + 1}`,
    ...cv.scoring.map((name) => fixed(fold.test[name])),
  ]);
  rows.push(['mean', ...cv.scoring.map((name) => fixed(cv.test[name].mean))]);
  rows.push(['std', ...cv.scoring.map((name) => fixed(cv.test[name].std))]);
  return `Cross-validation scores (test folds)\n${textTable(['', ...cv.scoring], rows)}`;
}

function formatHeadline({ metrics }: Evaluation): string {
  const rows: string[][] = [
    ['accuracy', fixed(metrics.accuracy)],
    ['balanced accuracy', fixed(metrics.balancedAccuracy)],
    [
      'precision  micro / macro / weighted',
      [metrics.micro, metrics.macro, metrics.weighted].map((a) => fixed(a.precision)).join(' / '),
    ],
    [
      'recall     micro / macro / weighted',
      [metrics.micro, metrics.macro, metrics.weighted].map((a) => fixed(a.recall)).join(' / '),
    ],
    [
      'F1         micro / macro / weighted',
      [metrics.micro, metrics.macro, metrics.weighted].map((a) => fixed(a.f1)).join(' / '),
    ],
    ["Cohen's kappa", fixed(metrics.cohenKappa)],
    ['MCC', fixed(metrics.mcc)],
    ['log loss', fixed(metrics.logLoss)],
  ];
  if (metrics.rocAuc.binary !== undefined) rows.push(['ROC-AUC', fixed(metrics.rocAuc.binary)]);
  else
    rows.push([
      'ROC-AUC one-vs-rest  macro / weighted',
      `${fixed(metrics.rocAuc.ovrMacro)} / ${fixed(metrics.rocAuc.ovrWeighted)}`,
    ]);
  if (metrics.brier !== undefined) rows.push(['Brier score', fixed(metrics.brier)]);
  return textTable(['metric', 'value'], rows);
}

function formatConfusion({ metrics }: Evaluation): string {
  const { labels, predictedLabels, counts, rowNormalised } = metrics.confusion;
  const rows = labels.map((label, i) => [
    label,
    ...counts[i].map((count, j) => `${count} (${(rowNormalised[i][j] * 100).toFixed(1)}%)`),
  ]);
  return textTable(['true \\ predicted', ...(predictedLabels ?? labels)], rows);
}

/**
 * An LLM row without a label is no class at all: say before the numbers that the metrics count it as an
 * error (and where the log loss and AUC take their probabilities from).
 */
function nonAnswerNotice({ llmOutcomes }: Evaluation): string {
  if (!llmOutcomes) return '';
  const { unparseable, refusal, error } = llmOutcomes.counts;
  const missing = unparseable + refusal + error;
  if (missing === 0) return '';
  return `NOTE: ${missing} rows got no label from the LLM (${unparseable} unparseable, ${refusal} refused, ${error} failed); the metrics below count them as errors (a miss in every recall, a column of their own in the confusion matrix); log loss and ROC-AUC give them the training class frequencies.\n`;
}

function formatLlmOutcomes(outcomes: NonNullable<Evaluation['llmOutcomes']>): string {
  const { counts } = outcomes;
  const summary = `accuracy ${fixed(outcomes.accuracy)} with non-answers counted as errors: ${counts.label} labelled (${counts.wrong} wrong), ${counts.unparseable} unparseable, ${counts.refusal} refused, ${counts.error} failed requests`;
  const { cols, data } = outcomes.confusion;
  const table = outcomes.rowLabels.map((label, i) => [
    label,
    ...Array.from({ length: cols }, (_, j) => String(data[i * cols + j])),
  ]);
  return `LLM outcomes\n${summary}\n${textTable(['true \\ answer', ...outcomes.columnLabels], table)}`;
}

function uniqueMessages(messages: readonly string[]): string[] {
  return [...new Set(messages)];
}
