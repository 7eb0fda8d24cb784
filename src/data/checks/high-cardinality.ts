import { type DataCheck, findingOf } from './check.js';
import { count } from './finding.js';

/** Many categories make one-hot encoding wide and most categories too rare to learn from. */
export const highCardinality: DataCheck = {
  id: 'high_cardinality',
  title: 'High-cardinality categorical columns',
  severity: 'low',
  async run(context) {
    const stats = await context.stats();
    const findings = context.features.flatMap((column) => {
      if (column.kind !== 'categorical') return [];
      const s = stats.get(column.name)!;
      // ID-like columns (unique per row) get their own finding.
      if (s.approxDistinct <= context.thresholds.maxCategories || s.approxDistinct >= 0.9 * s.present)
        return [];
      return [
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `about ${count(s.approxDistinct)} distinct categories (more than ${context.thresholds.maxCategories})`,
          evidence: { approxDistinct: s.approxDistinct, present: s.present },
        }),
      ];
    });
    if (findings.length > 0) return findings;
    return [
      findingOf(this, {
        status: 'pass',
        message: 'no categorical column has too many categories',
        evidence: {},
      }),
    ];
  },
};
