import type { RunRecord } from '../../store/index.js';
import { escapeHtml } from '../escape-html.js';
import { formatDate } from './format-cells.js';
import { pageShell } from './page-shell.js';

/** A run without a stored report (a search, or a run that failed): what the store knows about it. */
export function runDetailsPage(run: RunRecord): string {
  const facts: [string, string][] = [
    ['kind', run.kind],
    ['status', run.status],
    ['started', formatDate(run.createdAt)],
    ['updated', formatDate(run.updatedAt)],
    ['trials stored', String(run.trialCount)],
  ];
  if (run.error) facts.push(['error', run.error]);
  const rows = facts.map(([name, value]) => `<tr><th>${name}</th><td>${escapeHtml(value)}</td></tr>`);
  const sections = [
    `<h1>Run ${escapeHtml(run.id)}</h1>`,
    '<p class="muted">no report is stored for this run</p>',
    `<table id="run-facts">\n${rows.join('\n')}\n</table>`,
  ];
  if (run.summary) sections.push('<h2>Summary</h2>', jsonBlock(run.summary));
  sections.push('<h2>Config</h2>', jsonBlock(run.config));
  return pageShell(`run ${run.id}`, sections.join('\n'));
}

function jsonBlock(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
}
