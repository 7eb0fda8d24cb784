import type { ValidationReport } from '../../data/validation-report.js';

/** `--json`: the report with snake_case top-level keys, like `modeldebug eval --json`. */
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
    findings: report.findings,
    skipped: report.skipped,
    thresholds: report.thresholds,
    seconds: report.seconds,
    timings: report.timings,
  };
}
