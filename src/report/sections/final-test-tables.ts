import type { FinalTestSection } from '../../workflow/index.js';
import { heatmapMatrix, MAX_HEATMAP_CLASSES } from '../charts/confusion-matrix-chart.js';
import { MAX_CLASS_CURVES } from '../charts/probability-charts.js';
import { fixed } from '../format-values.js';
import { table } from '../html-parts.js';
import { abbreviateModelSpec } from '../model-names.js';
import { html, type SafeHtml } from '../safe-html.js';

/** A model spec as a heading shows it: abbreviated when long, the full spec on hover and in a details row. */
export function modelName(spec: string): SafeHtml {
  const short = abbreviateModelSpec(spec);
  return short === spec
    ? html`<code>${spec}</code>`
    : html`<code title="${spec}">${short}</code> <details class="spec"><summary>full spec</summary><code>${spec}</code></details>`;
}

/**
 * Precision, recall and F1 per class; a class without test rows is marked and not scored (its 0.000 would
 * read as a model failure when there was nothing to score).
 */
export function perClassTable(data: FinalTestSection): SafeHtml {
  const rows = table(
    ['class', 'precision', 'recall', 'F1', 'support'],
    data.perClass.map((c) =>
      c.support === 0
        ? [html`${c.label} <span class="muted">(no test rows: not scored)</span>`, '–', '–', '–', 0]
        : [c.label, fixed(c.precision, 3), fixed(c.recall, 3), fixed(c.f1, 3), c.support],
    ),
  );
  if (data.perClass.length <= MAX_HEATMAP_CLASSES) return rows;
  const unscored = data.perClass.filter((c) => c.support === 0).map((c) => `'${c.label}'`);
  const note =
    unscored.length === 0
      ? undefined
      : html`<p>${unscored.length} ${unscored.length === 1 ? 'class has' : 'classes have'} no test rows and ${unscored.length === 1 ? 'is' : 'are'} not scored: ${unscored.join(', ')}.</p>`;
  return html`${note}<details><summary>Precision, recall and F1 of all ${data.perClass.length} classes</summary>${rows}</details>`;
}

/** The caption of the heatmap, which says what was folded away when there are many classes. */
export function confusionCaption(data: FinalTestSection): string {
  const { folded } = heatmapMatrix(data.confusion);
  const base = 'rows: true label, columns: predicted; count and % of the row';
  if (folded === 0) return base;
  const shown = data.confusion.labels.length - folded;
  return `${base}. The ${shown} classes with the most errors of ${data.confusion.labels.length}; the other ${folded} are summed in "other" — the full matrix is in the table below`;
}

/** The whole confusion matrix as a scrollable table, collapsed, when the heatmap shows only part of it. */
export function fullConfusionTable(data: FinalTestSection): SafeHtml | undefined {
  const { confusion } = data;
  if (heatmapMatrix(confusion).folded === 0) return undefined;
  const columns = confusion.predictedLabels ?? confusion.labels;
  return html`<details class="full-matrix"><summary>The full ${confusion.labels.length} × ${columns.length} confusion matrix (rows: true label)</summary><div class="scroll">${table(
    ['true \\ predicted', ...columns],
    confusion.labels.map((label, i) => [label, ...confusion.counts[i]]),
  )}</div></details>`;
}

/** Every class's ROC AUC and average precision, worst first, when the charts draw only the worst. */
export function curveScoresTable(data: FinalTestSection): SafeHtml | undefined {
  if (data.curves.length <= MAX_CLASS_CURVES) return undefined;
  const rows = [...data.curves]
    .sort((a, b) => a.roc.auc - b.roc.auc)
    .map((curve) => [curve.label, fixed(curve.roc.auc, 3), fixed(curve.pr.averagePrecision, 3)]);
  return html`<details><summary>ROC AUC and average precision of all ${data.curves.length} classes (worst first; the charts draw the ${MAX_CLASS_CURVES} worst)</summary>${table(['class', 'ROC AUC', 'average precision'], rows)}</details>`;
}
