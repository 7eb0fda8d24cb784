import { describeValueFormat } from '../value-formats.js';
import { type DataCheck, findingOf } from './check.js';

/**
 * A column of dates read as text has one category per day: one-hot encoding it makes hundreds of
 * columns that never generalise to a new day. `run` turns it into numeric parts instead.
 */
export const dateColumns: DataCheck = {
  id: 'date_column',
  title: 'Date columns',
  severity: 'medium',
  async run({ features, valueFormat }) {
    const findings = [];
    for (const column of features) {
      const format = await valueFormat(column);
      if (format.kind !== 'date') continue;
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `"${column.name}" holds ${describeValueFormat(format)}, not categories: run turns it into year, month, day, weekday, day of year and days since 1970`,
          evidence: { order: format.order, ambiguous: format.ambiguous },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [findingOf(this, { status: 'pass', message: 'no text column holds dates', evidence: {} })];
  },
};
