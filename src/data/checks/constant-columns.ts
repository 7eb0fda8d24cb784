import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/** A column with one value (or nearly) carries no information and can destabilise scalers. */
export const constantColumns: DataCheck = {
  id: 'constant_column',
  title: 'Constant and near-constant columns',
  severity: 'medium',
  async run(context) {
    const stats = await context.stats();
    const findings = context.features.flatMap((column) => {
      const s = stats.get(column.name)!;
      if (s.present === 0) {
        return [
          findingOf(this, {
            status: 'fail',
            column: column.name,
            message: 'every value is missing',
            evidence: { present: 0 },
          }),
        ];
      }
      const share = s.topCount / s.present;
      if (s.topCount === s.present) {
        return [
          findingOf(this, {
            status: 'fail',
            column: column.name,
            message: `all ${count(s.present)} present values are ${JSON.stringify(s.top)}`,
            evidence: { value: s.top, count: s.topCount, present: s.present },
          }),
        ];
      }
      if (share < context.thresholds.nearConstantShare) return [];
      return [
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `${percent(s.topCount, s.present)} of present values are ${JSON.stringify(s.top)}`,
          evidence: { value: s.top, count: s.topCount, present: s.present, share },
        }),
      ];
    });
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'no column is constant or near-constant', evidence: {} }),
    ];
  },
};
