import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';
import { exampleGroups } from './row-groups.js';

/** Identical rows (every column, label included): they weight some examples twice and leak across folds. */
export const duplicateRows: DataCheck = {
  id: 'duplicate_rows',
  title: 'Duplicate rows',
  severity: 'medium',
  async run(context) {
    const { session, train, features, thresholds } = context;
    const groups = await context.rowGroups();
    if (groups.duplicateRows === 0) {
      return [findingOf(this, { status: 'pass', message: 'no two rows are identical', evidence: {} })];
    }
    const share = groups.duplicateRows / train.rows;
    const examples = await exampleGroups(session, train, features, false, thresholds.examples);
    return [
      findingOf(this, {
        status: share > thresholds.duplicateFailShare ? 'fail' : 'warn',
        message: `${count(groups.duplicateRows)} of ${count(train.rows)} rows (${percent(groups.duplicateRows, train.rows)}) repeat an earlier row exactly`,
        evidence: {
          duplicateRows: groups.duplicateRows,
          groups: groups.duplicateGroups,
          share,
          examples: examples.map((rows) => ({ rows })),
        },
      }),
    ];
  },
};
