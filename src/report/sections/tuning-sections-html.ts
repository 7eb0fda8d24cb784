import type { CurveSampleData, RunReport } from '../../workflow/index.js';
import { epochCurveChart } from '../charts/epoch-curve-chart.js';
import { regularizationPathChart } from '../charts/regularization-path-chart.js';
import { scoreCurveChart } from '../charts/score-curve-chart.js';
import { fixed, paramText } from '../format-values.js';
import { chart, paragraph, type SectionHtml, section, table } from '../html-parts.js';
import { html, type SafeHtml } from '../safe-html.js';

export async function renderLearningCurveSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.learningCurve;
  if (!data) return undefined;
  return section('learning-curve', 'Learning curve', [
    paragraph(
      `${data.model} on up to ${data.rows} training rows${data.shuffled ? " (each fold's rows shuffled, seeded, before the first n are taken)" : ''}, scoring ${data.scoring}.`,
    ),
    ...sampleNote(data.sample),
    html`<p class="verdict"><strong>Verdict:</strong> ${data.verdict.summary}. <strong>Next:</strong> ${data.verdict.nextStep}.</p>`,
    ...(data.fileOrder
      ? [
          paragraph(
            `In the file's own row order: ${data.fileOrder.summary} (CV ${data.scoring} by size: ${data.fileOrder.points.map((p, k) => `${data.fileOrder?.trainSizes[k]} rows ${p.testMean === null ? 'failed' : fixed(p.testMean)}`).join(', ')}).`,
          ),
        ]
      : []),
    await chart(
      'learning-curve',
      scoreCurveChart({
        x: data.trainSizes,
        xTitle: 'training rows',
        xType: 'quantitative',
        points: data.points,
        scoring: data.scoring,
      }),
      'mean train and cross-validated scores with ±1 std bands',
    ),
  ]);
}

/** Says that a curve's fits took a sample of the rows (the test folds stay whole), when they did. */
function sampleNote(sample: CurveSampleData | null | undefined): SafeHtml[] {
  return sample ? [paragraph(`Sampled: ${sample.reason}; every held-out row is scored.`)] : [];
}

export async function renderEpochCurveSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.epochCurve;
  if (!data) return undefined;
  const validation =
    data.validationFraction === null
      ? 'no validation split (early_stopping=false): the training loss alone'
      : `validation on ${fixed(data.validationFraction * 100, 0)} % of the rows held out by the model's early stopping${data.earlyStoppingAdded ? ' (turned on for this curve)' : ''}`;
  const kept = data.bestEpoch === null ? '' : ` The model kept the weights of epoch ${data.bestEpoch}.`;
  return section('epoch-curve', 'Training by epochs', [
    paragraph(
      `${data.model}: one fit on ${data.rows} rows, ${data.trainLoss.length} epochs; ${validation}.${kept}`,
    ),
    html`<p class="verdict"><strong>Verdict:</strong> ${data.verdict.summary}. <strong>Next:</strong> ${data.verdict.nextStep}.</p>`,
    await chart(
      'epoch-curve',
      epochCurveChart(data),
      'training and validation loss per epoch; the dashed rule marks the epoch whose weights were kept',
    ),
  ]);
}

export async function renderValidationCurveSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.validationCurve;
  if (!data) return undefined;
  return section('validation-curve', `Validation curve over ${data.param}`, [
    paragraph(`${data.model}, scoring ${data.scoring}.`),
    ...sampleNote(data.sample),
    data.verdict
      ? html`<p class="verdict">${data.verdict.summary}. <strong>Next:</strong> ${data.verdict.nextStep}.</p>`
      : paragraph('Every fit failed.'),
    await chart(
      'validation-curve',
      scoreCurveChart({
        x: data.values,
        xTitle: data.param,
        xType: 'ordinal',
        points: data.points,
        scoring: data.scoring,
      }),
      `train and cross-validated ${data.scoring} per value, ±1 std`,
    ),
  ]);
}

export function renderSearchSection(report: RunReport): SectionHtml | undefined {
  const data = report.sections.search;
  if (!data) return undefined;
  const ranked = [...data.trials].sort((a, b) => (b.mean ?? -Infinity) - (a.mean ?? -Infinity)).slice(0, 10);
  const gain = data.gain
    ? `gain ${fixed(data.gain.mean * 100, 2)} pp (95 % CI ${fixed(data.gain.low * 100, 2)} to ${fixed(data.gain.high * 100, 2)} pp, paired over folds)`
    : 'no default candidate to compare with';
  return section('search', 'Hyperparameter search', [
    paragraph(
      `${data.strategy} search over ${data.trials.length} candidates for ${data.model} on ${data.rows} rows, scoring ${data.scoring}.`,
    ),
    table(
      ['', 'params', `CV ${data.scoring}`],
      [
        ['best', paramText(data.bestParams), fixed(data.bestScore)],
        ['as given / defaults', paramText(data.defaultParams), fixed(data.defaultScore)],
      ],
      2,
    ),
    html`<p>${gain}. The final evaluation uses <code>${data.tunedModel}</code>.</p>`,
    html`<details><summary>Top candidates</summary>${table(
      ['params', 'mean', 'std'],
      ranked.map((trial) => [paramText(trial.params), fixed(trial.mean), fixed(trial.std)]),
    )}</details>`,
  ]);
}

export async function renderRegularizationSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.regularization;
  if (!data) return undefined;
  const rows = data.cs.map((C, c) => [
    C.toPrecision(3),
    data.nonZero[c],
    `${fixed(data.meanScores[c])} ± ${fixed(data.standardErrors[c])}`,
  ]);
  return section('regularization', `Regularization path (${data.penalty})`, [
    paragraph(`${data.model}, scoring ${data.scoring}. ${data.summary}${pathRowsNote(data)}`),
    await chart(
      'regularization-path',
      regularizationPathChart(data),
      'coefficients along C (largest features); dashed: the best C and the one-standard-error C',
    ),
    html`<details><summary>Score and sparsity per C</summary>${table(['C', 'non-zero features', `CV ${data.scoring} ± SE`], rows)}</details>`,
  ]);
}

/** Says when the path ran on a sample, and what the recommended C gave when fitted on every row. */
function pathRowsNote(data: NonNullable<RunReport['sections']['regularization']>): string {
  const { rows, refit } = data;
  if (rows === undefined || refit === undefined || refit.rows === rows) return '';
  return ` The path was traced on a stratified sample of ${rows} of the ${refit.rows} tuning rows (warm-started along C); C=${refit.C.toPrecision(3)} fitted again on all ${refit.rows} rows keeps ${refit.nonZero} non-zero features.`;
}
