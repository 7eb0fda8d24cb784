import type { CleanReport } from '../../data/index.js';

/** What `modeldebug clean` changed, one line per kind of change. */
export function formatCleanReport(report: CleanReport): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const row = (what: string, value: number) => `${what.padEnd(34)}${n(value).padStart(12)}`;
  const lines = [
    `modeldebug clean: ${report.source} → ${report.out}`,
    '',
    row('rows in', report.rowsIn),
    row('duplicate rows dropped', report.duplicatesDropped),
    row('unlabelled rows dropped', report.unlabelledDropped),
    row('rows with missing values dropped', report.missingRowsDropped),
    row('rows out', report.rowsOut),
  ];
  if (report.testOut !== undefined && report.testRows !== undefined)
    lines.push(row(`  held out → ${report.testOut}`, report.testRows));
  if (report.markersNormalised.length > 0) {
    lines.push('', 'missing markers written as empty cells:');
    for (const { column, cells } of report.markersNormalised) lines.push(`  ${column}: ${n(cells)}`);
  }
  if (report.infinitiesAsMissing.length > 0) {
    lines.push('', 'infinite values read as missing:');
    for (const { column, cells } of report.infinitiesAsMissing) lines.push(`  ${column}: ${n(cells)}`);
  }
  if (report.imputed.length > 0) {
    lines.push('', 'values imputed:');
    for (const { column, cells, value } of report.imputed)
      lines.push(`  ${column}: ${n(cells)} cells ← ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
