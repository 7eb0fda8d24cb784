import { describeValueFormat } from '../value-formats.js';
import { type DataCheck, findingOf } from './check.js';

/**
 * Numbers written "52,000" or "3,14" do not read as numbers, so the column becomes categorical (and
 * looks like an identifier). When the spelling is unambiguous, `run` reads them as numbers.
 */
export const numberFormat: DataCheck = {
  id: 'number_format',
  title: 'Numbers stored as formatted text',
  severity: 'high',
  async run({ features, valueFormat }) {
    const findings = [];
    for (const column of features) {
      const format = await valueFormat(column);
      if (format.kind !== 'number') continue;
      findings.push(
        findingOf(this, {
          status: 'warn',
          column: column.name,
          message: `"${column.name}" holds ${describeValueFormat(format)}: run reads them as numbers; write plain numbers (52000, 3.14) for other tools`,
          evidence: { style: format.style },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      findingOf(this, { status: 'pass', message: 'no column holds numbers written as text', evidence: {} }),
    ];
  },
};
