import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanData, loadDataset } from '../../src/data/index.js';
import { BAD_INPUTS } from './bad-inputs.js';
import { errorOf, tempFile } from './load-helpers.js';

const DIRTY = 'a,b,y\n1,red,x\n1,red,x\nNA,blue,y\n ,?,x\n2.50,blue,\n3,green,y\n1,red,x\n';

describe('cleanData', () => {
  it('drops exact duplicates (keeping the first), writes missing markers as empty cells, never touches the input', async () => {
    const input = tempFile('dirty.csv', DIRTY);
    const out = join(dirname(input), 'clean.csv');
    const report = await cleanData(input, { out });
    expect(readFileSync(input, 'utf8')).toBe(DIRTY);
    expect(readFileSync(out, 'utf8')).toBe('a,b,y\n1,red,x\n,blue,y\n,,x\n2.50,blue,\n3,green,y\n');
    expect(report).toMatchObject({
      rowsIn: 7,
      rowsOut: 5,
      duplicatesDropped: 2,
      unlabelledDropped: 0,
      missingRowsDropped: 0,
      markersNormalised: [
        { column: 'a', cells: 2 },
        { column: 'b', cells: 1 },
      ],
      imputed: [],
    });
  });

  it('drops unlabelled rows with a label, and rows with any missing value on request', async () => {
    const input = tempFile('dirty.csv', DIRTY);
    const out = join(dirname(input), 'clean.csv');
    const report = await cleanData(input, { out, label: 'y', dropMissing: true });
    expect(readFileSync(out, 'utf8')).toBe('a,b,y\n1,red,x\n3,green,y\n');
    expect(report).toMatchObject({
      rowsOut: 2,
      duplicatesDropped: 2,
      unlabelledDropped: 1,
      missingRowsDropped: 2,
    });
  });

  it('imputes per column: numbers with the median or mean, categories with the most frequent value', async () => {
    const input = tempFile('dirty.csv', DIRTY);
    const out = join(dirname(input), 'clean.csv');
    const median = await cleanData(input, { out, label: 'y', impute: 'median' });
    expect(median.imputed).toEqual([
      { column: 'a', cells: 2, value: 2 },
      { column: 'b', cells: 1, value: 'red' },
    ]);
    expect(readFileSync(out, 'utf8')).toBe('a,b,y\n1,red,x\n2,blue,y\n2,red,x\n3,green,y\n');
    const mean = await cleanData(input, { out, label: 'y', impute: 'mean' });
    expect(mean.imputed[0]).toEqual({ column: 'a', cells: 2, value: 2 });
  });

  it('writes Parquet by extension, readable by the loader', async () => {
    const input = tempFile('dirty.csv', DIRTY);
    const out = join(dirname(input), 'clean.parquet');
    await cleanData(input, { out, label: 'y', impute: 'median' });
    const dataset = await loadDataset(out, { label: 'y' });
    expect(dataset.features.rows).toBe(4);
    expect(Array.from(dataset.features.data.filter((_, k) => k % 2 === 0))).toEqual([1, 2, 2, 3]);
  });

  it('refuses an output path equal to the input, and an unknown output extension', async () => {
    const input = tempFile('dirty.csv', DIRTY);
    const same = await errorOf(() => cleanData(input, { out: input }));
    expect(same.message).toContain('the output file is the input file');
    expect(readFileSync(input, 'utf8')).toBe(DIRTY);
    const unknown = await errorOf(() => cleanData(input, { out: join(dirname(input), 'x.xlsx') }));
    expect(unknown.message).toContain('cannot tell the output format');
  });

  it.each(BAD_INPUTS.filter((bad) => bad.file !== 'missing.csv' && bad.file !== 'nolabel.csv'))(
    'bad input, $name: one-line error, nothing written',
    async (bad) => {
      const input = tempFile(bad.file, bad.content);
      const out = join(dirname(input), 'out.csv');
      const error = await errorOf(() => cleanData(input, { out }));
      expect(error.message).toMatch(bad.says);
      expect(existsSync(out)).toBe(false);
    },
  );
});
