import type { ModelComparisonSection, RunReport } from '../../workflow/index.js';
import { modelComparisonChart } from '../charts/model-comparison-chart.js';
import { fixed } from '../format-values.js';
import { chart, paragraph, type SectionHtml, section, table } from '../html-parts.js';
import { html, type SafeHtml } from '../safe-html.js';

/** The findings first: one line each, with the number, the fix, the rows and a link to the evidence. */
export function findingsList(report: RunReport): SafeHtml {
  if (report.findings.length === 0) return html`<p id="findings">No findings.</p>`;
  return html`<ol id="findings">${report.findings.map(
    (finding) =>
      html`<li class="finding level-${finding.level}"><span class="badge">${finding.level}</span> <code class="finding-code">${finding.code}</code> ${finding.message} <span class="fix">Try: ${finding.suggestion.replace(/\.$/, '')}.</span>${rowList(finding.rows, 'data rows')}${rowList(finding.testRows ?? [], 'test rows')} <a href="#${finding.section}">evidence</a></li>`,
  )}</ol>`;
}

/** The rows a finding names, as its JSON has them (0-based, header excluded), the first 20. */
function rowList(rows: readonly number[], what: string): SafeHtml {
  if (rows.length === 0) return html``;
  const shown = rows.slice(0, 20).join(', ');
  return html` <span class="rows">${what} (0-based, header excluded): ${shown}${rows.length > 20 ? `, … (${rows.length} in all)` : ''}.</span>`;
}

export function gateBlock(report: RunReport): SafeHtml {
  if (report.thresholds.length === 0) return html``;
  const failed = report.thresholds.filter((t) => !t.passed);
  return html`<div class="gate ${failed.length > 0 ? 'gate-fail' : 'gate-pass'}"><strong>CI gate: ${failed.length > 0 ? 'failed' : 'passed'}</strong><ul>${report.thresholds.map(
    (t) => html`<li>${t.reason}</li>`,
  )}</ul></div>`;
}

export function renderValidationSection(report: RunReport): SectionHtml | undefined {
  const data = report.sections.validation;
  if (!data) return undefined;
  const body =
    data.findings.length === 0
      ? paragraph(`Every check passed on ${data.rows} rows.`)
      : table(
          ['status', 'severity', 'check', 'column', 'finding'],
          data.findings.map((f) => [f.status, f.severity, f.check, f.column ?? '', f.message]),
          5,
        );
  return section('data-validation', 'Data validation', [
    paragraph(
      `${data.source}: ${data.rows} rows; ${data.summary.fail} failed, ${data.summary.warn} warned, ${data.summary.pass} passed.`,
    ),
    body,
  ]);
}

export async function renderModelComparisonSection(report: RunReport): Promise<SectionHtml | undefined> {
  const data = report.sections.modelComparison;
  if (!data) return undefined;
  const metrics = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'];
  const rows: unknown[][] = data.models.map((model) => [
    model.spec === data.best ? html`<strong>${model.spec}</strong>` : model.spec,
    ...metrics.map((m) => `${fixed(model.scores[m]?.mean)} ± ${fixed(model.scores[m]?.std)}`),
  ]);
  rows.push([
    'most-frequent class (baseline)',
    fixed(data.dummy.accuracy),
    '–',
    '–',
    fixed(data.dummy.f1Weighted),
  ]);
  return section('model-comparison', 'Model comparison', [
    paragraph(
      `${data.folds}-fold stratified cross-validation on the ${data.rows} training rows; the best by ${data.metric} goes on.`,
    ),
    table(['model', ...metrics], rows),
    await chart(
      'model-comparison',
      modelComparisonChart(data),
      `CV ${data.metric} ± 1 std; dashed: the baseline`,
    ),
    ...raceParagraphs(data),
    ...data.failures.map((f) => paragraph(`${f.spec} failed: ${f.error}`)),
  ]);
}

export function summaryBlock(report: RunReport): SafeHtml {
  const { summary } = report;
  const intervals = report.sections.finalTest?.intervals;
  const ci = (name: 'accuracy' | 'f1Macro' | 'f1Weighted') =>
    intervals ? `${fixed(intervals[name].low, 3)}–${fixed(intervals[name].high, 3)}` : '–';
  return html`<div class="summary"><dl>
<dt>data</dt><dd>${summary.dataset} (${summary.rows} rows)</dd>
<dt>best model</dt><dd><code>${summary.bestModel}</code></dd>
<dt>${summary.metric}</dt><dd>${fixed(summary.bestScore)}</dd>
<dt>run time</dt><dd>${report.seconds.toFixed(1)} s</dd>
</dl>${table(
    ['final test metric', 'value', '95 % bootstrap CI'],
    [
      ['accuracy', fixed(summary.metrics.accuracy), ci('accuracy')],
      ['F1 macro', fixed(summary.metrics.f1_macro), ci('f1Macro')],
      ['F1 weighted', fixed(summary.metrics.f1_weighted), ci('f1Weighted')],
      ['balanced accuracy', fixed(summary.metrics.balanced_accuracy), ''],
      ['ROC-AUC', fixed(summary.metrics.roc_auc), ''],
      ['MCC', fixed(summary.metrics.mcc), ''],
    ],
  )}</div>`;
}

export function skippedBlock(report: RunReport): SafeHtml {
  if (report.skipped.length === 0) return html``;
  return html`<section id="skipped"><h2>Skipped steps</h2><ul>${report.skipped.map(
    (s) => html`<li><code>${s.step}</code>: ${s.reason}</li>`,
  )}</ul></section>`;
}

/** What a run's time budget cut (steps skipped, the race ended early, a fit on a sample). */
export function budgetBlock(report: RunReport): SafeHtml {
  if (!report.budget) return html``;
  const { seconds, cuts } = report.budget;
  return html`<section id="budget"><h2>Time budget</h2><p>${
    cuts.length === 0
      ? `The run kept within its budget of ${seconds} s without cutting anything.`
      : `The budget of ${seconds} s cut:`
  }</p>${cuts.length === 0 ? '' : html`<ul>${cuts.map((cut) => html`<li><code>${cut.step}</code>: ${cut.what}</li>`)}</ul>`}</section>`;
}

export function timingsBlock(report: RunReport): SafeHtml {
  return html`<p class="muted">Step times: ${Object.entries(report.timings)
    .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
    .join(' · ')}. Generated ${report.createdAt} by modeldebug; report format version ${report.version}.</p>`;
}

/** The race behind the scores: its rungs, who stopped where and by how much, and any budget cut. */
function raceParagraphs(data: ModelComparisonSection): SafeHtml[] {
  const race = data.race;
  if (!race || race.rungs.length < 2) return [];
  const stopped = race.stopped.map(
    (stop) =>
      `${stop.spec} at ${stop.rows} rows (${data.metric} ${fixed(stop.score)}, ${fixed(stop.gap.mean)} [${fixed(stop.gap.low)}, ${fixed(stop.gap.high)}] behind ${stop.leader})`,
  );
  return [
    paragraph(
      `The models raced on ${race.rungs.join(' → ')} training rows per fold (successive halving): a model whose gap to the leader stayed above 0.01 across its whole 95 % interval stopped there. ${stopped.length > 0 ? `Stopped early: ${stopped.join('; ')}.` : 'None stopped early.'}`,
    ),
    ...(race.cut
      ? [paragraph(`The time budget ended the race at ${race.cut.rows} rows per fold: ${race.cut.reason}.`)]
      : []),
  ];
}
