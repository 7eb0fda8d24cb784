import type { RunReport } from '../workflow/index.js';

export interface SummaryMarkdownOptions {
  /** Findings listed (the report has them all). */
  readonly top: number;
  /** Where report.html was written, shown as the place to read the rest. */
  readonly reportPath?: string;
}

/**
 * `run --summary-md`: the run in a page of GitHub-flavoured Markdown for a CI job summary or a pull-request
 * comment — the verdict of the gate first, then the final-test metrics with their 95 % intervals, the
 * thresholds met and missed, and the top findings. Every string from the data or a model is escaped:
 * GitHub renders inline HTML in both places.
 */
export function renderSummaryMarkdown(report: RunReport, options: SummaryMarkdownOptions): string {
  const { summary, thresholds } = report;
  const missed = thresholds.filter((threshold) => !threshold.passed).length;
  const verdict =
    thresholds.length === 0
      ? 'no thresholds set'
      : missed === 0
        ? `all ${thresholds.length} thresholds met`
        : `${missed} of ${thresholds.length} thresholds missed`;
  const lines = [
    `## modeldebug run: ${escapeMarkdown(summary.dataset)} — ${missed > 0 ? '❌' : '✅'} ${verdict}`,
    '',
    `**Best model:** ${escapeMarkdown(summary.bestModel)} (best of ${summary.models.length} by ${summary.metric}) · ${summary.rows} rows · ${report.seconds.toFixed(1)} s`,
    '',
    ...metricLines(report),
    ...thresholdLines(report),
    ...findingLines(report, options.top),
  ];
  if (options.reportPath !== undefined)
    lines.push(`The full report: \`${options.reportPath.replace(/`/g, "'")}\``);
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function metricLines(report: RunReport): string[] {
  const final = report.sections.finalTest;
  const { summary } = report;
  if (!final) {
    return [`${summary.metric} ${fixed(summary.bestScore)} (cross-validated; the run had no final test)`, ''];
  }
  const { intervals } = final;
  const percent = Math.round(intervals.confidence * 100);
  const rows = [
    ['accuracy', intervals.accuracy],
    ['f1_macro', intervals.f1Macro],
    ['f1_weighted', intervals.f1Weighted],
  ] as const;
  return [
    `### Final test (${final.testRows} held-out rows, trained on ${final.trainRows})`,
    '',
    `| metric | estimate | ${percent} % interval |`,
    '| --- | ---: | ---: |',
    ...rows.map(
      ([name, interval]) =>
        `| ${name} | ${fixed(interval.estimate)} | ${fixed(interval.low)} – ${fixed(interval.high)} |`,
    ),
    '',
    `Intervals: ${intervals.nBoot} bootstrap resamples of the test rows.`,
    '',
  ];
}

function thresholdLines(report: RunReport): string[] {
  if (report.thresholds.length === 0) return [];
  return [
    '### Thresholds (`--fail-under`)',
    '',
    '| metric | minimum | value | result |',
    '| --- | ---: | ---: | --- |',
    ...report.thresholds.map(
      (threshold) =>
        `| ${escapeMarkdown(threshold.metric)} | ${threshold.minimum} | ${threshold.value === null ? 'not computed' : fixed(threshold.value)} | ${threshold.passed ? 'met' : '**missed**'} |`,
    ),
    '',
  ];
}

function findingLines(report: RunReport, top: number): string[] {
  const shown = report.findings.slice(0, top);
  if (shown.length === 0) return ['No findings.', ''];
  return [
    `### Top findings (${shown.length} of ${report.findings.length})`,
    '',
    ...shown.flatMap((finding, index) => [
      `${index + 1}. **${finding.level}** ${escapeMarkdown(finding.message)}<br>→ ${escapeMarkdown(finding.suggestion)}`,
    ]),
    '',
  ];
}

function fixed(value: number): string {
  return Number.isFinite(value) ? value.toFixed(4) : 'n/a';
}

/**
 * Text from the data as literal Markdown: HTML-significant characters become entities, Markdown's
 * punctuation is backslash-escaped, and line breaks become spaces so a value cannot end a table row.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
    .replace(/\r?\n|\r/g, ' ');
}
