import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/** Missing cells per column (markers such as NA, '', ? already read as missing). */
export const missingValues: DataCheck = {
  id: 'missing_values',
  title: 'Missing values',
  severity: 'medium',
  async run({ train, thresholds }) {
    const rows = train.rows;
    const withMissing = train.columns.filter((column) => column.missing > 0);
    if (withMissing.length === 0) {
      return [findingOf(this, { status: 'pass', message: 'no column has missing values', evidence: {} })];
    }
    return withMissing.map((column) =>
      findingOf(this, {
        status: column.missing / rows > thresholds.missingFailShare ? 'fail' : 'warn',
        column: column.name,
        message: `${count(column.missing)} of ${count(rows)} values (${percent(column.missing, rows)}) are missing`,
        evidence: { missing: column.missing, rows, share: column.missing / rows },
      }),
    );
  },
};
