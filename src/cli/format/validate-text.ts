import type { Evidence, JsonValue } from '../../data/checks/finding.js';
import type { ValidationReport } from '../../data/validation-report.js';

const EVIDENCE_SKIP = new Set(['share', 'rows', 'present']);

/** The report as a terminal table, worst first, each warning or failure followed by its evidence. */
export function formatValidation(report: ValidationReport): string {
  const lines: string[] = [];
  const label = report.label ? `, label "${report.label}"` : '';
  const test = report.testSource
    ? `; test: ${report.testSource} (${report.testRows?.toLocaleString('en-US')} rows)`
    : '';
  lines.push(
    `modeldebug validate: ${report.source} (${report.rows.toLocaleString('en-US')} rows, ${report.columns.length} columns${label})${test}`,
    '',
  );
  const checkWidth = Math.max(5, ...report.findings.map((finding) => finding.check.length));
  const columnWidth = Math.min(
    24,
    Math.max(6, ...report.findings.map((finding) => (finding.column ?? '').length)),
  );
  lines.push(
    `${'status'.padEnd(6)}  ${'severity'.padEnd(8)}  ${'check'.padEnd(checkWidth)}  ${'column'.padEnd(columnWidth)}  finding`,
  );
  for (const finding of report.findings) {
    const column = clip(finding.column ?? '', columnWidth);
    lines.push(
      `${finding.status.toUpperCase().padEnd(6)}  ${finding.severity.padEnd(8)}  ${finding.check.padEnd(checkWidth)}  ${column.padEnd(columnWidth)}  ${finding.message}`,
    );
    if (finding.status === 'pass') continue;
    const evidence = formatEvidence(finding.evidence);
    if (evidence) lines.push(`${' '.repeat(10)}${evidence}`);
  }
  lines.push('');
  for (const skipped of report.skipped) lines.push(`skipped ${skipped.check}: ${skipped.reason}`);
  const { fail, warn, pass } = report.summary;
  lines.push(`${fail} failed, ${warn} warnings, ${pass} passed in ${report.seconds.toFixed(2)} s`);
  return `${lines.join('\n')}\n`;
}

/** Evidence in one line: examples as "row 12: 'abc'", other fields as key=value. */
export function formatEvidence(evidence: Evidence): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (EVIDENCE_SKIP.has(key)) continue;
    if (key === 'examples' && Array.isArray(value)) {
      parts.push(`e.g. ${value.map(formatExample).join('; ')}`);
      continue;
    }
    parts.push(`${key}=${formatValue(value)}`);
  }
  return parts.join('  ');
}

function formatExample(example: JsonValue): string {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return formatValue(example);
  const record = example as Readonly<Record<string, JsonValue>>;
  const where =
    record.row !== undefined
      ? `row ${record.row}`
      : Array.isArray(record.rows)
        ? `rows ${shownRows(record.rows)}`
        : '';
  const rest = Object.entries(record)
    .filter(([key]) => key !== 'row' && key !== 'rows')
    .map(([key, value]) => (key === 'value' ? formatValue(value) : `${key} ${formatValue(value)}`));
  return [where, rest.join(', ')].filter(Boolean).join(': ');
}

/** A finding may name every row (all the missing cells, all the shared test rows): a line shows a dozen. */
const ROWS_SHOWN = 12;

function shownRows(rows: readonly JsonValue[]): string {
  if (rows.length <= ROWS_SHOWN) return rows.join(', ');
  return `${rows.slice(0, ROWS_SHOWN).join(', ')}, … (${rows.length.toLocaleString('en-US')} listed)`;
}

function formatValue(value: JsonValue): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : Number(value.toPrecision(4)).toString();
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${formatValue(inner)}`)
      .join(', ');
  }
  return String(value);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
