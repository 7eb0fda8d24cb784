import type { RunReport } from '../../workflow/index.js';
import { confusionMatrixChart } from '../charts/confusion-matrix-chart.js';
import { featureRankingChart, importanceChart, rfecvScoresChart } from '../charts/feature-charts.js';
import { precisionRecallChart, reliabilityChart, rocChart } from '../charts/probability-charts.js';
import { sliceErrorsChart } from '../charts/slice-errors-chart.js';
import { fixed, pct, pValue } from '../format-values.js';
import { chart, paragraph, type SectionHtml, section, table } from '../html-parts.js';
import { html, type SafeHtml } from '../safe-html.js';
import {
  confusionCaption,
  curveScoresTable,
  fullConfusionTable,
  modelName,
  perClassTable,
} from './final-test-tables.js';
import { llmCallsHtml } from './llm-calls-html.js';

const optional = (part: SafeHtml | undefined): SafeHtml[] => (part ? [part] : []);

export async function renderFeatureSelectionSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.featureSelection;
  if (!data) return undefined;
  const parts: SafeHtml[] = data.notes.map((note) => paragraph(`${note}.`));
  if (data.rfecv) {
    const kept = data.rfecv.features.filter((f) => f.selected).map((f) => f.name);
    parts.push(
      paragraph(
        `RFECV with ${data.model}: ${data.rfecv.nFeatures} of ${data.rfecv.features.length} features selected (${kept.join(', ')}).`,
      ),
      await chart('feature-ranking', featureRankingChart(data.rfecv), 'RFE rank per feature; 1 = selected'),
      await chart(
        'rfecv-scores',
        rfecvScoresChart(data.rfecv),
        `CV ${data.rfecv.scoring} against the number of features kept (±1 std); dashed: the chosen count`,
      ),
    );
  }
  if (data.importance) {
    parts.push(
      paragraph(
        `Permutation importance on a held-out quarter of ${data.rows} rows (${data.importance.repeats} shuffles per feature; unshuffled ${data.importance.scoring} ${fixed(data.importance.baseline)}).`,
      ),
      await chart(
        'feature-importance',
        importanceChart(data.importance),
        'score lost when the feature is shuffled, ±1 std',
      ),
    );
  }
  return section('feature-selection', 'Features', parts);
}

export function renderEnsembleSection(report: RunReport): SectionHtml | undefined {
  const data = report.sections.ensemble;
  if (!data) return undefined;
  const rows = [
    ...data.members.map((m) => [
      html`${m.name} <code>${m.spec}</code>`,
      pct(m.accuracy.mean),
      pct(m.accuracy.std),
    ]),
    [data.vote.name, pct(data.vote.accuracy.mean), pct(data.vote.accuracy.std)],
    ...(data.stacking
      ? [[data.stacking.name, pct(data.stacking.accuracy.mean), pct(data.stacking.accuracy.std)]]
      : []),
  ];
  return section('ensemble', 'Ensembles', [
    table(['model', 'CV accuracy', 'std'], rows),
    paragraph(
      `Gain of the best ensemble over the best member: ${fixed(data.gain * 100, 2)} pp. ${pct(data.oracleAccuracy)} of rows are right in at least one member; ${pct(data.allWrong)} are wrong in all.`,
    ),
    html`<ul>${data.findings.map((f) => html`<li>${f}</li>`)}</ul>`,
  ]);
}

export async function renderErrorAnalysisSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.errorAnalysis;
  if (!data) return undefined;
  const parts: SafeHtml[] = [
    paragraph(`${data.model}: ${data.protocol}. Error rate ${pct(data.errorRate)} on ${data.rows} rows.`),
    html`<ul>${data.findings.map((f) => html`<li>${f.message} <span class="fix">${f.suggestion}</span></li>`)}</ul>`,
  ];
  if (data.confusionPairs.length > 0) {
    parts.push(
      html`<h3>Confusion pairs</h3>`,
      table(
        ['true label', 'predicted', 'errors', 'share of errors'],
        data.confusionPairs.map((p) => [p.trueLabel, p.predicted, p.count, pct(p.shareOfErrors)]),
        2,
      ),
    );
  }
  if (data.weakSlices.length > 0) {
    parts.push(
      html`<h3>Slices with high error rates</h3>`,
      await chart(
        'slice-errors',
        sliceErrorsChart(data),
        'error rate per slice with its 95 % interval; dashed: overall',
      ),
    );
  }
  if (data.confidentlyWrong.length > 0) {
    parts.push(
      html`<h3>Most confident mistakes</h3>`,
      table(
        ['data row (0-based)', 'true label', 'predicted', 'confidence'],
        data.confidentlyWrong.map((r) => [r.row, r.trueLabel, r.predicted, fixed(r.confidence, 3)]),
        3,
      ),
    );
  }
  if (data.suspectedLabelErrors.length > 0) {
    parts.push(
      html`<h3>Suspected label errors</h3>`,
      table(
        ['data row (0-based)', 'given label', 'suggested', 'P(given)'],
        data.suspectedLabelErrors.map((r) => [
          r.row,
          r.givenLabel,
          r.suggestedLabel,
          fixed(r.givenLabelProbability, 3),
        ]),
        3,
      ),
    );
  }
  if (data.textClusters.length > 0) {
    parts.push(
      html`<h3>Clusters of misclassified texts</h3>`,
      table(
        ['column', 'size', 'top terms', 'misclassified texts'],
        data.textClusters.map((c) => [
          c.column,
          c.size,
          c.topTerms.join(', '),
          (c.examples ?? [])
            .map((example) => `data row ${example.row} (0-based): ${example.text}`)
            .join(' · '),
        ]),
        1,
      ),
    );
  }
  return section('error-analysis', 'Error analysis', parts);
}

export async function renderFinalTestSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.finalTest;
  if (!data) return undefined;
  const { intervals, mcnemar, calibration } = data;
  const ci = (i: { estimate: number; low: number; high: number }) =>
    `${fixed(i.estimate)} (${fixed(i.low)}–${fixed(i.high)})`;
  const parts: SafeHtml[] = [
    html`<p>${modelName(data.model)} ${data.protocol}.</p>`,
    table(
      [
        'metric',
        `estimate (${Math.round(intervals.confidence * 100)} % bootstrap CI, ${intervals.nBoot} resamples)`,
      ],
      [
        ['accuracy', ci(intervals.accuracy)],
        ['F1 macro', ci(intervals.f1Macro)],
        ['F1 weighted', ci(intervals.f1Weighted)],
        ...Object.entries(data.metrics)
          .filter(([name]) => !['accuracy', 'f1_macro', 'f1_weighted'].includes(name))
          .map(([name, value]) => [name, fixed(value)]),
      ],
    ),
    html`<p>McNemar's test against the ${mcnemar.baseline} baseline (accuracy ${fixed(mcnemar.baselineAccuracy)}): ${mcnemar.onlyModelCorrect} rows only the model gets right, ${mcnemar.onlyBaselineCorrect} only the baseline; ${mcnemar.method}, statistic ${fixed(mcnemar.statistic, 3)}, p ${mcnemar.pValue < 1e-16 ? '' : '= '}${pValue(mcnemar.pValue)}.</p>`,
    ...(data.llm ? [llmCallsHtml(data.llm)] : []),
    await chart('confusion-matrix', confusionMatrixChart(data.confusion), confusionCaption(data)),
    ...optional(fullConfusionTable(data)),
    perClassTable(data),
    html`<p>Calibration (${calibration.kind}): expected calibration error ${fixed(calibration.ece, 3)} on these rows, largest bin gap ${fixed(calibration.mce, 3)}.${data.calibrationVerdict ? ` <strong>Verdict:</strong> ${data.calibrationVerdict.summary}` : ''}</p>`,
    await chart(
      'reliability',
      reliabilityChart(calibration),
      'reliability diagram; dashed: perfect calibration',
    ),
  ];
  if (data.curves.length > 0) {
    parts.push(
      await chart(
        'roc',
        rocChart(data.curves, data.microAverage),
        'ROC curves (one-vs-rest for several classes)',
      ),
      await chart(
        'precision-recall',
        precisionRecallChart(data.curves, data.microAverage),
        'precision-recall curves',
      ),
      ...optional(curveScoresTable(data)),
    );
  }
  return section('final-test', 'Final held-out test', parts);
}
