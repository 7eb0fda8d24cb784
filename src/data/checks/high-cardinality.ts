import { type DataCheck, findingOf } from './check.js';
import { count } from './finding.js';

/**
 * Many categories make one-hot encoding wide and most categories too rare to learn from: worth a
 * warning (medium), since any pipeline but run's capped encoding trips on it.
 */
export const highCardinality: DataCheck = {
  id: 'high_cardinality',
  title: 'High-cardinality categorical columns',
  severity: 'medium',
  async run(context) {
    const stats = await context.stats();
    const findings = [];
    for (const column of context.features) {
      if (column.kind !== 'categorical') continue;
      const s = stats.get(column.name)!;
      // ID-like columns (unique per row) get their own finding.
      if (s.approxDistinct <= context.thresholds.maxCategories || s.approxDistinct >= 0.9 * s.present)
        continue;
      // Dates and formatted numbers have their own findings and become numbers in run.
      if ((await context.valueFormat(column)).kind !== 'none') continue;
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `about ${count(s.approxDistinct)} distinct categories (more than ${context.thresholds.maxCategories}): run keeps the ${context.thresholds.maxCategories - 1} most frequent and groups the rest`,
          evidence: { approxDistinct: s.approxDistinct, present: s.present },
        }),
      );
    }
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
