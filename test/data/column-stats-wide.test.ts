import { describe, expect, it } from 'vitest';
import { COLUMNS_PER_QUERY, computeColumnStats } from '../../src/data/checks/column-stats.js';
import { withDuckSession } from '../../src/data/duck/duck-session.js';
import type { StagedColumn } from '../../src/data/duck/stage-table.js';

/**
 * Wide files are summarised in long form (unpivoted) and narrow ones with one expression per column:
 * the two must agree to the value, with the quantile sample (over 200,000 rows) and planted infinities.
 */
describe('column statistics on wide and narrow tables', () => {
  it('the long form gives the per-column query its exact numbers', async () => {
    await withDuckSession(async (session) => {
      const width = COLUMNS_PER_QUERY + 8;
      const rows = 250_000;
      // Column j: values 0..99 shifted by j, an infinity every 1,000th row, a text column for the tops.
      await session.run(
        `CREATE TABLE t AS SELECT ${Array.from(
          { length: width },
          (_, j) =>
            `CASE WHEN range % 1000 = 7 THEN '-inf'::DOUBLE ELSE ((range * ${j + 1}) % 100 + ${j})::DOUBLE END AS "c${j}"`,
        ).join(', ')}, CASE WHEN range % 3 = 0 THEN 'red' ELSE 'blue' END AS "c${width}" FROM range(${rows})`,
      );
      const columns: StagedColumn[] = [
        ...Array.from(
          { length: width },
          (_, j): StagedColumn => ({
            name: `x${j}`,
            sql: `"c${j}"`,
            kind: 'numeric',
            missing: 0,
            profile: undefined,
          }),
        ),
        { name: 'colour', sql: `"c${width}"`, kind: 'categorical', missing: 0, profile: undefined },
      ];
      const table = { table: 't', source: 't.csv', format: 'csv' as const, rows, columns };
      const long = await computeColumnStats(session, table, columns, 0.5);
      for (const column of [columns[0], columns[width - 1], columns[width]]) {
        const narrow = await computeColumnStats(session, table, [column], 0.5);
        expect(long.get(column.name)).toEqual(narrow.get(column.name));
      }
      expect(long.get('x0')?.infinite).toBe(rows / 1000);
      expect(long.get('colour')).toMatchObject({
        top: 'blue',
        topCount: rows - Math.ceil(rows / 3),
        infinite: 0,
      });
    });
  });
});
