import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';
import { pairColumns } from './test-columns.js';

/** Categories that appear only in the test file: the model never learned them (one-hot gives all zeros). */
export const newCategories: DataCheck = {
  id: 'new_categories',
  title: 'Categories new in test',
  severity: 'medium',
  needs: ['test'],
  async run({ session, train, test, features, thresholds }) {
    if (!test) return [];
    const findings = [];
    for (const pair of pairColumns(features, test)) {
      if (pair.train.kind !== 'categorical' || pair.test.kind !== 'categorical') continue;
      const [[values, rows, examples]] =
        await session.rows(`SELECT count(DISTINCT v)::DOUBLE, count(*)::DOUBLE,
          list(DISTINCT v)[1:${thresholds.examples}]
        FROM (SELECT ${pair.testSql} AS v FROM ${test.table} te WHERE ${pair.testSql} IS NOT NULL
          AND ${pair.testSql} NOT IN (SELECT ${pair.trainSql} FROM ${train.table} tr WHERE ${pair.trainSql} IS NOT NULL))`);
      const n = Number(rows);
      if (n === 0) continue;
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: pair.name,
          message: `${count(Number(values))} categories unseen in training cover ${count(n)} test rows (${percent(n, test.rows)})`,
          evidence: {
            categories: Number(values),
            testRows: n,
            values: ((examples as string[]) ?? []).sort(),
          },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'every test category occurs in training', evidence: {} }),
    ];
  },
};
