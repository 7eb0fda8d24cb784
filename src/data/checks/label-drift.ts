import { sortLabelValues } from '../../core/labels.js';
import { type DataCheck, findingOf } from './check.js';
import { count } from './finding.js';

/**
 * Labels new in test (the model cannot predict them: fail) and the shift of the label distribution,
 * measured as the total variation distance ½ Σ |p_train − p_test| (0 = same, 1 = disjoint).
 */
export const labelDrift: DataCheck = {
  id: 'label_drift',
  title: 'Label distribution: train vs test',
  severity: 'high',
  needs: ['test', 'label'],
  async run({ session, train, test, label, thresholds }) {
    if (!test || !label) return [];
    const testLabel = test.columns.find((column) => column.kind === 'label');
    if (!testLabel) return [];
    const trainCounts = await classCounts(session, train.table, label.sql);
    const testCounts = await classCounts(session, test.table, testLabel.sql);
    const classes = sortLabelValues([...trainCounts.keys(), ...testCounts.keys()]);
    const trainTotal = [...trainCounts.values()].reduce((a, b) => a + b, 0);
    const testTotal = [...testCounts.values()].reduce((a, b) => a + b, 0);
    let distance = 0;
    for (const name of classes) {
      distance +=
        Math.abs((trainCounts.get(name) ?? 0) / trainTotal - (testCounts.get(name) ?? 0) / testTotal) / 2;
    }
    const proportions = Object.fromEntries(
      classes.map((name) => [name, { train: trainCounts.get(name) ?? 0, test: testCounts.get(name) ?? 0 }]),
    );
    const findings = [];
    const unseen = classes.filter((name) => !trainCounts.has(name));
    if (unseen.length > 0) {
      const rows = unseen.reduce((sum, name) => sum + testCounts.get(name)!, 0);
      findings.push(
        findingOf(this, {
          status: 'fail',
          column: label.name,
          message: `${unseen.length} label(s) occur only in test (${count(rows)} rows): ${unseen.join(', ')}`,
          evidence: { labels: unseen, testRows: rows },
        }),
      );
    }
    const status =
      distance >= thresholds.labelDriftFail
        ? 'fail'
        : distance >= thresholds.labelDriftWarn
          ? 'warn'
          : 'pass';
    findings.push(
      findingOf(this, {
        status,
        column: label.name,
        message: `label distributions differ by a total variation distance of ${distance.toFixed(3)}`,
        evidence: { totalVariation: distance, counts: proportions },
      }),
    );
    return findings;
  },
};

async function classCounts(
  session: Parameters<DataCheck['run']>[0]['session'],
  table: string,
  sql: string,
): Promise<Map<string, number>> {
  const rows = await session.rows(
    `SELECT ${sql}, count(*)::DOUBLE FROM ${table} WHERE ${sql} IS NOT NULL GROUP BY ALL`,
  );
  return new Map(rows.map(([value, n]) => [String(value), Number(n)]));
}
