import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/**
 * Infinite numbers ('inf', '-Infinity', '1e400') read as numbers, but no model can fit them and they
 * wreck means, scalers and gradients: each numeric column holding one fails, with its first rows.
 */
export const nonFiniteValues: DataCheck = {
  id: 'non_finite_values',
  title: 'Infinite values',
  severity: 'high',
  async run(context) {
    const { session, train, thresholds } = context;
    const stats = await context.stats();
    const findings = [];
    for (const column of context.features) {
      const infinite = stats.get(column.name)?.infinite ?? 0;
      if (infinite === 0) continue;
      const examples = await session.rows(`SELECT rowid + 1, ${column.sql} FROM ${train.table}
        WHERE isinf(${column.sql}) ORDER BY rowid LIMIT ${thresholds.examples}`);
      findings.push(
        findingOf(this, {
          status: 'fail',
          column: column.name,
          message: `${count(infinite)} values (${percent(infinite, train.rows)}) are infinite, e.g. row ${Number(examples[0]?.[0])}: no model can fit them — replace them, or read them as missing and impute them`,
          evidence: {
            infinite,
            examples: examples.map(([row, value]) => ({ row: Number(row), value: String(value) })),
          },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'no numeric column holds an infinite value', evidence: {} }),
    ];
  },
};
