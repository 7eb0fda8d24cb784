import { FINDING_CODES, type FindingCode, type FindingRecord } from '../../core/finding-record.js';
import type { Evidence, Finding, JsonValue } from './finding.js';

/** Each data check's finding code (a check whose id is already a code maps to itself). */
const CHECK_CODES: Readonly<Record<string, FindingCode>> = {
  missing_values: 'missing_values',
  mixed_nulls: 'missing_values',
  duplicate_rows: 'duplicate_rows',
  conflicting_labels: 'conflicting_labels',
  mixed_types: 'mixed_types',
  constant_column: 'constant_column',
  id_like_column: 'id_column',
  label_leak: 'target_leak',
  outliers: 'outliers',
  class_balance: 'class_imbalance',
  high_cardinality: 'high_cardinality',
  text_length: 'text_length',
  text_duplicates: 'text_duplicates',
  train_test_overlap: 'train_test_overlap',
  new_categories: 'new_categories',
  label_drift: 'label_drift',
};

/** Checks whose example rows are rows of the test file. */
const TEST_FILE_CHECKS: ReadonlySet<string> = new Set([
  'train_test_overlap',
  'new_categories',
  'label_drift',
]);

const FIXES: Readonly<Record<string, string>> = {
  missing_values: 'impute the column (impute(strategy=median)) or drop it if mostly empty',
  mixed_nulls: 'spell missing values one way before loading',
  duplicate_rows: 'drop the duplicates (modeldebug clean) so that folds do not share rows',
  conflicting_labels: 'check the labelling of the conflicting rows; fix or drop them',
  mixed_types: 'clean the non-numeric cells of the column',
  constant_column: 'drop the constant column',
  id_like_column: 'drop the ID-like column (data.drop)',
  non_finite_values: 'replace the NaN and infinite cells (or impute them) before training',
  date_column: 'nothing to do for run (it uses the date parts); derive the same parts for other tools',
  number_format: 'nothing to do for run (it parses them); write plain numbers for other tools',
  label_leak: 'drop the leaking feature: it will not be known at prediction time',
  outliers: 'check the extreme rows; clip or use a robust model',
  class_balance: 'use class_weight=balanced or a balanced metric (f1_macro)',
  high_cardinality: 'group rare categories or drop the column',
  text_length: 'check the empty and very long texts',
  text_duplicates: 'deduplicate the texts so that folds do not share them',
  train_test_overlap: 'remove the test rows that also occur in training',
  new_categories: 'map the unseen categories or retrain with them',
  label_drift: 'check that the test set comes from the same distribution as training',
};

/**
 * The finding code of a data check: its entry above, else its id when that is a code. A test holds every
 * registered check to having one, so the last resort is never reached by a shipped check.
 */
export function dataCheckCode(check: string): FindingCode {
  const code = CHECK_CODES[check] ?? FINDING_CODES.find((candidate) => candidate === check);
  return code ?? 'mixed_types';
}

/** What to do about a data check's finding. */
export function dataCheckFix(check: string): string {
  return FIXES[check] ?? 'inspect the rows the check names before training';
}

/**
 * A data check's non-passing finding as a finding record: its evidence's 1-based example rows become
 * 0-based data rows (of the test file for the train–test checks). A low-severity check (outliers on
 * skewed columns) only informs: it costs nothing measurable until a model shows it does.
 */
export function dataFindingRecord(finding: Finding): FindingRecord {
  const rows = exampleRows(finding.evidence);
  const onTest = TEST_FILE_CHECKS.has(finding.check);
  return {
    code: dataCheckCode(finding.check),
    level: finding.status === 'fail' ? 'fail' : finding.severity === 'low' ? 'info' : 'warn',
    message: finding.column === undefined ? finding.message : `"${finding.column}": ${finding.message}`,
    suggestion: dataCheckFix(finding.check),
    columns: finding.column === undefined ? [] : [finding.column],
    rows: onTest ? [] : rows,
    ...(onTest && rows.length > 0 ? { testRows: rows } : {}),
  };
}

/**
 * One record per check: 60 near-constant pixel columns are one problem with one fix, not 60 lines.
 * The message quotes the first column's finding and names the others; counts stay per column.
 */
export function groupedDataFindingRecords(findings: readonly Finding[]): FindingRecord[] {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.status === 'pass') continue;
    byCheck.set(finding.check, [...(byCheck.get(finding.check) ?? []), finding]);
  }
  return [...byCheck.values()].map((group) => {
    const records = group.map(dataFindingRecord);
    const [first] = records;
    const columns = [...new Set(records.flatMap((record) => record.columns))];
    const others = columns.slice(1);
    const named = others
      .slice(0, 5)
      .map((name) => `"${name}"`)
      .join(', ');
    const tail =
      others.length === 0
        ? ''
        : ` The same check also flags ${others.length} more column${others.length === 1 ? '' : 's'}: ${named}${others.length > 5 ? ', …' : ''}.`;
    const testRows = [...new Set(records.flatMap((record) => record.testRows ?? []))];
    return {
      code: first.code,
      level: records.some((r) => r.level === 'fail')
        ? 'fail'
        : records.some((r) => r.level === 'warn')
          ? 'warn'
          : 'info',
      message: `${sentence(first.message)}${tail}`,
      suggestion: first.suggestion,
      columns,
      rows: [...new Set(records.flatMap((record) => record.rows))].sort((a, b) => a - b),
      ...(testRows.length > 0 ? { testRows: testRows.sort((a, b) => a - b) } : {}),
    };
  });
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Rows named by `examples: [{ row }]` or `examples: [{ rows: [...] }]` (1-based), as 0-based rows. */
function exampleRows(evidence: Evidence): number[] {
  const examples = evidence.examples;
  if (!Array.isArray(examples)) return [];
  const rows = new Set<number>();
  const add = (value: JsonValue | undefined) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1) rows.add(value - 1);
  };
  for (const example of examples as readonly JsonValue[]) {
    if (example === null || typeof example !== 'object' || Array.isArray(example)) continue;
    const record = example as { readonly [key: string]: JsonValue };
    add(record.row);
    if (Array.isArray(record.rows)) for (const row of record.rows as readonly JsonValue[]) add(row);
  }
  return [...rows].sort((a, b) => a - b);
}
