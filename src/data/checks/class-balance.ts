import { sortLabelValues } from '../../core/labels.js';
import { type DataCheck, findingOf } from './check.js';
import { count } from './finding.js';

/** Class counts: a strong imbalance skews accuracy; a class smaller than the CV folds breaks stratification. */
export const classBalance: DataCheck = {
  id: 'class_balance',
  title: 'Class balance',
  severity: 'high',
  needs: ['label'],
  async run({ session, train, label, thresholds }) {
    if (!label) return [];
    const rows = await session.rows(
      `SELECT ${label.sql}, count(*)::DOUBLE FROM ${train.table} WHERE ${label.sql} IS NOT NULL GROUP BY ALL`,
    );
    const counts = new Map(rows.map(([value, n]) => [String(value), Number(n)]));
    const classes = sortLabelValues(counts.keys());
    const tally = Object.fromEntries(classes.map((name) => [name, counts.get(name)!]));
    const sizes = classes.map((name) => counts.get(name)!);
    const largest = Math.max(...sizes);
    const smallest = Math.min(...sizes);
    const ratio = largest / smallest;
    const findings = [];
    if (classes.length < 2) {
      findings.push(
        findingOf(this, {
          status: 'fail',
          message: `the label has ${classes.length} class: a classifier needs at least 2`,
          evidence: { counts: tally },
        }),
      );
    }
    const tooSmall = classes.filter((name) => counts.get(name)! < thresholds.cvFolds);
    if (tooSmall.length > 0) {
      findings.push(
        findingOf(this, {
          status: 'fail',
          message: `${tooSmall.length} class(es) have fewer rows than the ${thresholds.cvFolds} CV folds: ${tooSmall.map((name) => `${JSON.stringify(name)} (${counts.get(name)})`).join(', ')}`,
          evidence: { classes: tooSmall, folds: thresholds.cvFolds, counts: tally },
        }),
      );
    }
    findings.push(
      findingOf(this, {
        status: classes.length > 1 && ratio > thresholds.imbalanceRatio ? 'warn' : 'pass',
        message: `${classes.length} classes, largest / smallest = ${count(largest)} / ${count(smallest)} = ${ratio.toFixed(1)}`,
        evidence: { counts: tally, imbalanceRatio: ratio },
      }),
    );
    return findings;
  },
};
