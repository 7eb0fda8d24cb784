import { escapeHtml } from '../escape-html.js';
import { confusionTable } from './confusion-table.js';
import { formatDate, formatDelta, formatScore } from './format-cells.js';
import { metricDeltas } from './metric-deltas.js';
import { pageShell } from './page-shell.js';
import { runDifference } from './run-difference.js';
import type { ComparableRun } from './run-overview.js';

/** Two runs side by side: what each is, how every metric moved from a to b, and both confusion matrices. */
export function comparePage(a: ComparableRun, b: ComparableRun): string {
  const deltas = metricDeltas(a.report.metrics, b.report.metrics);
  const difference = runDifference(
    { confusion: a.report.confusion, testSet: a.testSet },
    { confusion: b.report.confusion, testSet: b.testSet },
  );
  const deltaRows = deltas.map(({ metric, a: left, b: right, delta, improved }) => {
    const direction = improved === null ? '' : improved ? ' better' : ' worse';
    return `<tr data-metric="${escapeHtml(metric)}"><th>${escapeHtml(metric)}</th><td class="num">${formatScore(
      left,
    )}</td><td class="num">${formatScore(right)}</td><td class="num delta${direction}">${formatDelta(delta)}</td></tr>`;
  });
  const body = `<h1>Compare runs</h1>
<table id="compare-runs">
<thead><tr><th></th><th>run a</th><th>run b</th></tr></thead>
<tbody>
${describeRow('run', a, b, (run) => `<a href="/runs/${encodeURIComponent(run.id)}">${escapeHtml(run.id)}</a>`)}
${describeRow('date', a, b, (run) => escapeHtml(formatDate(run.createdAt)))}
${describeRow('dataset', a, b, (run) => escapeHtml(`${run.report.dataset} (${run.report.rows} rows)`))}
${describeRow('test rows', a, b, (run) => String(run === a ? difference.rowsA : difference.rowsB))}
${describeRow('models', a, b, (run) => escapeHtml(run.report.models.join(', ')))}
${describeRow('best', a, b, (run) => escapeHtml(`${run.report.bestModel}: ${run.report.metric} ${formatScore(run.report.bestScore)}`))}
</tbody>
</table>
<h2>Is the difference real?</h2>
<p id="significance" class="${difference.significant ? 'significant' : 'not-significant'}">${escapeHtml(difference.sentence)}</p>
<h2>Metrics (b − a; green where b is better)</h2>
<table id="metric-deltas">
<thead><tr><th>metric</th><th>a</th><th>b</th><th>b − a</th></tr></thead>
<tbody>
${deltaRows.join('\n')}
</tbody>
</table>
<h2>Confusion matrices</h2>
<div class="side-by-side">
<section class="confusion-a"><h3>a: ${escapeHtml(a.id)}</h3>
${confusionTable(a.report.confusion)}</section>
<section class="confusion-b"><h3>b: ${escapeHtml(b.id)}</h3>
${confusionTable(b.report.confusion)}</section>
</div>`;
  return pageShell(`compare ${a.id} and ${b.id}`, body);
}

function describeRow(
  name: string,
  a: ComparableRun,
  b: ComparableRun,
  cell: (run: ComparableRun) => string,
): string {
  return `<tr><th>${name}</th><td>${cell(a)}</td><td>${cell(b)}</td></tr>`;
}
