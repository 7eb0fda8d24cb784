import { escapeHtml } from '../escape-html.js';
import { formatDate, formatScore } from './format-cells.js';
import { pageShell } from './page-shell.js';
import type { RunOverview } from './run-overview.js';

/** The home page: every run in the store, newest first, and a form to compare two reports. */
export function runsPage(runs: readonly RunOverview[], storePath: string): string {
  const store = `<p class="muted">store: ${escapeHtml(storePath)}</p>`;
  if (runs.length === 0) {
    const hint = 'no runs yet — start one with <code>modeldebug run</code> or <code>modeldebug search</code>';
    return pageShell('modeldebug runs', `<h1>Runs</h1>\n${store}\n<p>${hint}</p>`);
  }
  const rows = runs.map(runRow).join('\n');
  const table = `<table id="runs">
<thead><tr><th>run</th><th>kind</th><th>status</th><th>dataset</th><th>models</th><th>best score</th><th>date</th><th></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return pageShell('modeldebug runs', `<h1>Runs</h1>\n${store}\n${table}\n${compareForm(runs)}`);
}

function runRow(run: RunOverview): string {
  const href = `/runs/${encodeURIComponent(run.id)}`;
  const score =
    run.bestScore === undefined
      ? '—'
      : `${formatScore(run.bestScore)}${run.metric ? ` <span class="muted">${escapeHtml(run.metric)}</span>` : ''}`;
  const cells = [
    `<td class="nowrap"><a class="run-link" href="${href}">${escapeHtml(run.id)}</a></td>`,
    `<td>${escapeHtml(run.kind)}</td>`,
    `<td>${escapeHtml(run.status)}</td>`,
    `<td class="dataset">${escapeHtml(run.dataset ?? '—')}</td>`,
    `<td class="models">${escapeHtml(run.models.join(', ') || '—')}</td>`,
    `<td class="num">${score}</td>`,
    `<td class="nowrap">${escapeHtml(formatDate(run.createdAt))}</td>`,
    `<td><a href="${href}">${run.report ? 'report' : 'details'}</a></td>`,
  ];
  return `<tr data-run="${escapeHtml(run.id)}">${cells.join('')}</tr>`;
}

/** Two drop-downs and a button: a plain GET form, so comparing needs no script. */
function compareForm(runs: readonly RunOverview[]): string {
  const comparable = runs.filter((run) => run.report !== undefined);
  if (comparable.length < 2) return '';
  // Newest first in the list, so the default compares the previous run (a) with the latest (b).
  const select = (name: string, selected: string) =>
    `<select name="${name}" id="compare-${name}">${comparable
      .map(
        (run) =>
          `<option value="${escapeHtml(run.id)}"${run.id === selected ? ' selected' : ''}>${escapeHtml(
            `${run.id} — ${run.dataset ?? ''} ${formatScore(run.bestScore)}`,
          )}</option>`,
      )
      .join('')}</select>`;
  return `<h2>Compare two runs</h2>
<form class="compare" method="get" action="/compare">
<label for="compare-a">run a</label> ${select('a', comparable[1].id)}
<label for="compare-b">run b</label> ${select('b', comparable[0].id)}
<button type="submit">compare</button>
</form>`;
}
