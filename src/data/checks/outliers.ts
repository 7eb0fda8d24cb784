import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/**
 * Tukey's rule per numeric column: values beyond 1.5 IQR of the quartiles are outliers, beyond 3 IQR
 * extreme. A few outliers are normal (0.7 % of a normal sample); extreme values usually are not.
 */
export const outliers: DataCheck = {
  id: 'outliers',
  title: 'Outliers (IQR rule)',
  severity: 'low',
  async run(context) {
    const { session, train, thresholds } = context;
    const stats = await context.stats();
    const columns = context.features.filter((column) => {
      const numeric = stats.get(column.name)?.numeric;
      // Infinite quartiles give no fences to write in SQL; a zero IQR makes every non-mode value an outlier.
      return (
        column.kind === 'numeric' &&
        numeric !== undefined &&
        Number.isFinite(numeric.q1) &&
        Number.isFinite(numeric.q3) &&
        numeric.q3 > numeric.q1
      );
    });
    if (columns.length === 0) {
      return [
        findingOf(this, { status: 'pass', message: 'no numeric column has a spread to test', evidence: {} }),
      ];
    }
    const fences = columns.map((column) => {
      const { q1, q3 } = stats.get(column.name)!.numeric!;
      const iqr = q3 - q1;
      return { column, outer: [q1 - 1.5 * iqr, q3 + 1.5 * iqr], extreme: [q1 - 3 * iqr, q3 + 3 * iqr] };
    });
    const parts = fences.flatMap(({ column, outer, extreme }) => [
      `count(*) FILTER (WHERE ${column.sql} < ${outer[0]} OR ${column.sql} > ${outer[1]})::DOUBLE`,
      `count(*) FILTER (WHERE ${column.sql} < ${extreme[0]} OR ${column.sql} > ${extreme[1]})::DOUBLE`,
    ]);
    const [row] = await session.rows(`SELECT ${parts.join(', ')} FROM ${train.table}`);
    const findings = [];
    for (const [k, { column, outer, extreme }] of fences.entries()) {
      const outside = Number(row[2 * k]);
      const extremes = Number(row[2 * k + 1]);
      const present = stats.get(column.name)!.present;
      if (extremes === 0 && outside / present <= thresholds.outlierWarnShare) continue;
      const median = stats.get(column.name)!.numeric!.median;
      const examples = await session.rows(`SELECT rowid + 1, ${column.sql} FROM ${train.table}
        WHERE ${column.sql} < ${outer[0]} OR ${column.sql} > ${outer[1]}
        ORDER BY abs(${column.sql} - ${median}) DESC, rowid LIMIT ${thresholds.examples}`);
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `${count(outside)} values (${percent(outside, present)}) lie outside [${round(outer[0])}, ${round(outer[1])}], ${count(extremes)} of them beyond 3 IQR`,
          evidence: {
            outliers: outside,
            extreme: extremes,
            fences: [outer[0], outer[1]],
            extremeFences: [extreme[0], extreme[1]],
            examples: examples.map(([r, value]) => ({ row: Number(r), value: Number(value) })),
          },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'no numeric column has unusual outliers', evidence: {} }),
    ];
  },
};

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
