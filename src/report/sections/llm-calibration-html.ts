import { METHOD_NAMES } from '../../analysis/llm/calibration/calibration-findings.js';
import type { RunReport } from '../../workflow/index.js';
import { fixed, pct } from '../format-values.js';
import { paragraph, type SectionHtml, section, table } from '../html-parts.js';
import { html } from '../safe-html.js';

const interval = (value: { estimate: number; low: number; high: number }, show: (x: number) => string) =>
  `${show(value.estimate)} [${show(value.low)}, ${show(value.high)}]`;

/** Each calibration of the LLM's answers against the answers as configured; every string escaped. */
export function llmCalibrationSection(report: RunReport): SectionHtml | undefined {
  const data = report.sections.llmCalibration;
  if (!data) return undefined;
  const points = (x: number) => fixed(100 * x, 1);
  const rows = data.methods.map((method, m) => [
    METHOD_NAMES[method.method],
    interval(method.accuracy, (x) => pct(x)),
    m === 0 ? '' : `${interval(method.accuracyGain, points)} pp`,
    interval(method.ece, (x) => fixed(x, 3)),
    m === 0 ? '' : interval(method.eceReduction, (x) => fixed(x, 3)),
    m === 0 ? '' : String(method.changedRows.length),
  ]);
  const shares = (entries: readonly { label: string; value: number }[]) =>
    entries.map((entry) => `${entry.label} ${fixed(entry.value, 3)}`).join(', ');
  return section('llm-calibration', 'LLM calibration', [
    paragraph(
      `${data.model}: every method out of fold (${data.folds}-fold stratified) on the ${data.rows} training rows, class probabilities from ${data.basis === 'logprob' ? 'label-token logprobs' : 'sampled answers'}; 95 % paired bootstrap intervals.`,
    ),
    table(['method', 'accuracy', 'gain', 'ECE', 'ECE cut', 'rows changed'], rows),
    paragraph(
      data.contentFree
        ? `Content-free answer ("N/A", "", "[MASK]"): ${shares(data.contentFree.map((entry) => ({ label: entry.label, value: entry.probability })))}.`
        : 'No content-free input got a label.',
    ),
    ...(data.labelBias
      ? [
          paragraph(
            `Per-class bias fitted on all rows: ${shares(data.labelBias.map((entry) => ({ label: entry.label, value: entry.bias })))}.`,
          ),
        ]
      : []),
    ...data.skipped.map((skip) => paragraph(`${METHOD_NAMES[skip.method]} skipped: ${skip.reason}`)),
    html`<ul>${data.findings.map((f) => html`<li>${f.message} <span class="fix">${f.suggestion}</span></li>`)}</ul>`,
  ]);
}
