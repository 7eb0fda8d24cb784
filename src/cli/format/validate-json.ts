import { dataFindingRecord } from '../../data/index.js';
import type { ValidationReport } from '../../data/validation-report.js';

/**
 * `--json`: the report with snake_case top-level keys, like `modeldebug eval --json`. Each finding is a
 * finding record (code, level, message, suggestion, columns, 0-based rows / testRows) that keeps its
 * check's id, title, severity, status and evidence; the checks that passed are listed apart.
 */
export function validationToJson(report: ValidationReport): Record<string, unknown> {
  return {
    schema: report.schema,
    // 2: camelCase keys (1 had snake_case top-level keys).
    version: 2,
    source: report.source,
    testSource: report.testSource,
    rows: report.rows,
    testRows: report.testRows,
    label: report.label,
    columns: report.columns,
    summary: report.summary,
    findings: report.findings
      .filter((finding) => finding.status !== 'pass')
      .map((finding) => ({ ...finding, ...dataFindingRecord(finding), message: finding.message })),
    passed: report.findings
      .filter((finding) => finding.status === 'pass')
      .map(({ check, title, message }) => ({ check, title, message })),
    skipped: report.skipped,
    thresholds: report.thresholds,
    seconds: report.seconds,
    timings: report.timings,
  };
}
