import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/**
 * The most rows a missing-values finding lists per column: enough to open every hole of a sparse
 * column, and a bounded report when a column is mostly empty (the count is always exact).
 */
export const MISSING_ROWS_LISTED = 1000;

/** Missing cells per column (markers such as NA, '', ? already read as missing), with their rows. */
export const missingValues: DataCheck = {
  id: 'missing_values',
  title: 'Missing values',
  severity: 'medium',
  async run({ session, train, thresholds }) {
    const rows = train.rows;
    const withMissing = train.columns.filter((column) => column.missing > 0);
    if (withMissing.length === 0) {
      return [findingOf(this, { status: 'pass', message: 'no column has missing values', evidence: {} })];
    }
    const findings = [];
    for (const column of withMissing) {
      const [[listed]] = await session.rows(
        `SELECT list(rowid + 1 ORDER BY rowid)[1:${MISSING_ROWS_LISTED}] FROM ${train.table} WHERE ${column.sql} IS NULL`,
      );
      const holes = ((listed as number[] | null) ?? []).map(Number);
      const shown = holes.length < column.missing ? ` (the first ${count(holes.length)} rows listed)` : '';
      findings.push(
        findingOf(this, {
          status: column.missing / rows > thresholds.missingFailShare ? 'fail' : 'warn',
          column: column.name,
          message: `${count(column.missing)} of ${count(rows)} values (${percent(column.missing, rows)}) are missing${shown}`,
          evidence: {
            missing: column.missing,
            rows,
            share: column.missing / rows,
            examples: [{ rows: holes }],
          },
        }),
      );
    }
    return findings;
  },
};
