import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';

/**
 * A column holding both numbers and words: usually numbers stored as text ('1,5', 'n.a.', '12 kg'), which
 * turns a numeric feature into a categorical one with thousands of levels.
 */
export const mixedTypes: DataCheck = {
  id: 'mixed_types',
  title: 'Mixed types',
  severity: 'high',
  async run({ session, train, features, thresholds, valueFormat }) {
    const findings = [];
    for (const column of features) {
      const profile = column.profile;
      if (!profile || column.kind !== 'categorical') continue;
      const present = train.rows - profile.missing;
      const words = profile.nonNumeric;
      const numbers = present - words;
      if (numbers === 0 || words === 0) continue;
      // "52,000" next to "900" is one number format, reported as such (number_format).
      if ((await valueFormat(column)).kind === 'number') continue;
      // Report the rarer kind: it is the one that is probably wrong.
      const rareIsText = words <= numbers;
      const rare = rareIsText ? words : numbers;
      const examples = await session.rows(
        `SELECT rowid + 1, ${column.sql} FROM ${train.table}
         WHERE ${column.sql} IS NOT NULL AND (md_number(${column.sql}) IS NULL) = ${rareIsText}
         ORDER BY rowid LIMIT ${thresholds.examples}`,
      );
      const kind = rareIsText ? 'text in a column of numbers' : 'numbers in a column of text';
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `${count(rare)} of ${count(present)} values (${percent(rare, present)}) are ${kind}, e.g. '${String(examples[0]?.[1])}' (row ${Number(examples[0]?.[0])})`,
          evidence: {
            numbers,
            text: words,
            examples: examples.map(([row, value]) => ({ row: Number(row), value: String(value) })),
          },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [findingOf(this, { status: 'pass', message: 'no column mixes numbers and text', evidence: {} })];
  },
};
