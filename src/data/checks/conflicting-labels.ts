import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';
import { exampleGroups } from './row-groups.js';

/**
 * Rows with identical features but different labels: no model can get all of them right, so they cap
 * the accuracy and often reveal labelling errors (Deepchecks' ConflictingLabels).
 */
export const conflictingLabels: DataCheck = {
  id: 'conflicting_labels',
  title: 'Conflicting labels',
  severity: 'high',
  needs: ['label'],
  async run(context) {
    const { session, train, label, features, thresholds } = context;
    if (!label || features.length === 0) return [];
    const { conflictRows: conflicted, conflictGroups } = await context.rowGroups();
    if (conflicted === 0) {
      return [
        findingOf(this, {
          status: 'pass',
          message: 'no identical features carry different labels',
          evidence: {},
        }),
      ];
    }
    const groups = await exampleGroups(session, train, features, true, thresholds.examples);
    const examples = [];
    for (const rows of groups) {
      const labels = await session.rows(
        `SELECT DISTINCT ${label.sql} FROM ${train.table} WHERE rowid + 1 IN (${rows.join(', ')}) ORDER BY 1`,
      );
      examples.push({ rows, labels: labels.map(([value]) => String(value)) });
    }
    return [
      findingOf(this, {
        status: conflicted / train.rows > thresholds.conflictFailShare ? 'fail' : 'warn',
        message: `${count(conflicted)} rows (${percent(conflicted, train.rows)}) in ${count(conflictGroups)} groups have identical features but different labels`,
        evidence: { rows: conflicted, groups: conflictGroups, share: conflicted / train.rows, examples },
      }),
    ];
  },
};
