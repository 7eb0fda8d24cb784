import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/** Text columns: empty (or whitespace-only) texts, and lengths far outside the usual (IQR rule on length). */
export const textLength: DataCheck = {
  id: 'text_length',
  title: 'Empty texts and length outliers',
  severity: 'medium',
  async run({ session, train, features, thresholds }) {
    const findings = [];
    for (const column of features) {
      if (column.kind !== 'text') continue;
      if (column.missing > 0) {
        findings.push(
          findingOf(this, {
            status: 'warn',
            column: column.name,
            message: `${count(column.missing)} texts (${percent(column.missing, train.rows)}) are empty or a missing marker`,
            evidence: { empty: column.missing },
          }),
        );
      }
      const length = `length(${column.sql})`;
      const [[q1, q3]] = await session.rows(
        `SELECT quantile_cont(${length}, 0.25), quantile_cont(${length}, 0.75) FROM ${train.table}`,
      );
      const iqr = Number(q3) - Number(q1);
      const [low, high] = [Number(q1) - 3 * iqr, Number(q3) + 3 * iqr];
      const outside = `${column.sql} IS NOT NULL AND (${length} < ${low} OR ${length} > ${high})`;
      const examples = await session.rows(`SELECT rowid + 1, ${length} FROM ${train.table} WHERE ${outside}
        ORDER BY abs(${length} - ${(Number(q1) + Number(q3)) / 2}) DESC, rowid LIMIT ${thresholds.examples}`);
      if (examples.length === 0) continue;
      const [[n]] = await session.rows(`SELECT count(*)::DOUBLE FROM ${train.table} WHERE ${outside}`);
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `${count(Number(n))} texts have a length outside [${Math.max(0, low)}, ${high}] characters (3 IQR from the quartiles)`,
          evidence: {
            outliers: Number(n),
            quartiles: [Number(q1), Number(q3)],
            examples: examples.map(([row, chars]) => ({ row: Number(row), length: Number(chars) })),
          },
        }),
      );
    }
    if (findings.length > 0) return findings;
    const none = features.some((column) => column.kind === 'text')
      ? 'no empty texts or length outliers'
      : 'no text columns';
    return [findingOf(this, { status: 'pass', message: none, evidence: {} })];
  },
};
