import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';
import { type ColumnPair, pairColumns } from './test-columns.js';

/**
 * Test rows whose features also occur in training inflate the test score: the model is graded on rows
 * it has seen. Exact matches compare every feature as stored; normalised matches compare text
 * lower-cased with whitespace collapsed and numbers rounded to 6 decimals. Every shared test row is
 * named (not a few examples): the fix is to remove exactly those rows.
 */
export const trainTestOverlap: DataCheck = {
  id: 'train_test_overlap',
  title: 'Rows shared by train and test',
  severity: 'high',
  needs: ['test'],
  async run({ session, train, test, features }) {
    if (!test) return [];
    const pairs = pairColumns(features, test);
    if (pairs.length === 0) return [];
    const findings = [];
    for (const normalised of [false, true]) {
      const on = pairs
        .map((pair) => `${side(pair, 'tr', normalised)} IS NOT DISTINCT FROM ${side(pair, 'te', normalised)}`)
        .join(' AND ');
      const [[shared, rows]] = await session.rows(`SELECT count(*)::DOUBLE, list(rowid + 1 ORDER BY rowid)
        FROM (SELECT te.rowid FROM ${test.table} te SEMI JOIN ${train.table} tr ON ${on})`);
      const n = Number(shared);
      if (n === 0) continue;
      const kind = normalised ? 'after normalising text and numbers' : 'exactly';
      findings.push(
        findingOf(this, {
          status: 'fail',
          message: `${count(n)} of ${count(test.rows)} test rows (${percent(n, test.rows)}) match a training row ${kind}`,
          evidence: { testRows: n, normalised, examples: [{ rows: ((rows as number[]) ?? []).map(Number) }] },
        }),
      );
      break; // an exact overlap is also a normalised one: report the stronger finding only
    }
    if (findings.length > 0) return findings;
    return [findingOf(this, { status: 'pass', message: 'no test row repeats a training row', evidence: {} })];
  },
};

function side(pair: ColumnPair, alias: 'tr' | 'te', normalised: boolean): string {
  const sql = alias === 'tr' ? pair.trainSql : pair.testSql;
  if (!normalised) return sql;
  const numeric = pair.train.kind === 'numeric' && pair.test.kind === 'numeric';
  return numeric ? `round(${sql}, 6)` : `lower(trim(regexp_replace(${sql}, '\\s+', ' ', 'g')))`;
}
