import { type DataCheck, findingOf } from './check.js';
import { count } from './finding.js';

/**
 * A column unique per row (a key, a timestamp, a row number) identifies rows rather than describing
 * them: a model memorises it, and it never generalises. Continuous measurements are unique too, so a
 * numeric column counts only when every value is a whole number.
 */
export const idLikeColumns: DataCheck = {
  id: 'id_like_column',
  title: 'ID-like columns',
  severity: 'medium',
  async run(context) {
    const { session, train, features, thresholds } = context;
    const stats = await context.stats();
    const candidates = features.filter((column) => {
      const s = stats.get(column.name)!;
      const eligible = column.kind === 'categorical' || (column.kind === 'numeric' && s.numeric?.integral);
      return eligible && s.present >= thresholds.idLikeMinRows && s.approxDistinct >= 0.9 * s.present;
    });
    const findings = [];
    for (const column of candidates) {
      // Dates and formatted numbers are unique per row too, but they are values, not keys.
      if ((await context.valueFormat(column)).kind !== 'none') continue;
      const s = stats.get(column.name)!;
      const [[distinct]] = await session.rows(
        `SELECT count(DISTINCT ${column.sql})::DOUBLE FROM ${train.table}`,
      );
      if (Number(distinct) !== s.present) continue;
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `all ${count(s.present)} present values are different: it looks like an identifier — drop it`,
          evidence: { distinct: Number(distinct), present: s.present },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'no column looks like a row identifier', evidence: {} }),
    ];
  },
};
