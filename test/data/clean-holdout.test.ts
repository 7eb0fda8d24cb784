import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanData } from '../../src/data/index.js';
import { errorOf, tempFile } from './load-helpers.js';

// Rows 0-4; x at 0, 2, 4 and y at 1, 3. Column a: 1, 2, missing, missing, 9.
const DATA = 'a,y\n1,x\n2,y\n,x\n,y\n9,x\n';

describe('cleanData with a holdout', () => {
  it('moves the picked rows to the test file and learns the fills from the rest only', async () => {
    const input = tempFile('data.csv', DATA);
    const out = join(dirname(input), 'train.csv');
    const testOut = join(dirname(input), 'test.csv');
    const seen: number[][] = [];
    const report = await cleanData(input, {
      out,
      label: 'y',
      impute: 'mean',
      holdout: {
        out: testOut,
        pick: (codes) => {
          seen.push(Array.from(codes));
          return Int32Array.from([1, 3]);
        },
      },
    });
    // Label codes in sorted label order, rows in file order.
    expect(seen).toEqual([[0, 1, 0, 1, 0]]);
    // The mean of the training rows (1, 9) is 5; over all rows (1, 2, 9) it would be 4.
    expect(readFileSync(out, 'utf8')).toBe('a,y\n1,x\n5,x\n9,x\n');
    expect(readFileSync(testOut, 'utf8')).toBe('a,y\n2,y\n5,y\n');
    expect(report).toMatchObject({ rowsIn: 5, rowsOut: 3, testOut, testRows: 2 });
    expect(report.imputed).toEqual([{ column: 'a', cells: 2, value: 5 }]);
  });

  it('picks among the rows left after dropping duplicates and unlabelled rows', async () => {
    const input = tempFile('data.csv', 'a,y\n1,x\n1,x\n2,\n3,y\n4,x\n');
    const out = join(dirname(input), 'train.csv');
    const testOut = join(dirname(input), 'test.csv');
    let codes: number[] = [];
    const report = await cleanData(input, {
      out,
      label: 'y',
      holdout: {
        out: testOut,
        pick: (labelCodes) => {
          codes = Array.from(labelCodes);
          return Int32Array.from([2]);
        },
      },
    });
    expect(codes).toEqual([0, 1, 0]);
    expect(readFileSync(out, 'utf8')).toBe('a,y\n1,x\n3,y\n');
    expect(readFileSync(testOut, 'utf8')).toBe('a,y\n4,x\n');
    expect(report).toMatchObject({ duplicatesDropped: 1, unlabelledDropped: 1, rowsOut: 2, testRows: 1 });
  });

  it('refuses a holdout without a label, onto the input or the cleaned copy, or in another format; writes nothing', async () => {
    const input = tempFile('data.csv', DATA);
    const out = join(dirname(input), 'train.csv');
    const pick = () => Int32Array.from([0]);
    const cases = [
      {
        options: { out, holdout: { out: join(dirname(input), 't.csv'), pick } },
        says: 'needs the label column',
      },
      {
        options: { out, label: 'y', holdout: { out: input, pick } },
        says: 'the output file is the input file',
      },
      { options: { out, label: 'y', holdout: { out, pick } }, says: 'the test file is the cleaned copy' },
      {
        options: { out, label: 'y', holdout: { out: join(dirname(input), 't.parquet'), pick } },
        says: 'the test file and the cleaned copy need the same format',
      },
    ];
    for (const { options, says } of cases) {
      const error = await errorOf(() => cleanData(input, options));
      expect(error.message).toContain(says);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(input, 'utf8')).toBe(DATA);
  });
});
