import type { ValidationReport } from '../../data/validation-report.js';

/** `--json`: the report with snake_case top-level keys, like `modeldebug eval --json`. */
export function validationToJson(report: ValidationReport): Record<string, unknown> {
  return {
    schema: report.schema,
    schema_version: report.schemaVersion,
    source: report.source,
    test_source: report.testSource,
    rows: report.rows,
    test_rows: report.testRows,
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
