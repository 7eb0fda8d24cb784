import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDataset, loadExample } from '../../src/data/index.js';
import { datasetPath } from '../helpers/fixtures.js';
import { errorOf, tempFile } from './load-helpers.js';

describe('loadDataset', () => {
  it('reads the bundled breast_cancer file exactly, with numeric labels sorted by value', async () => {
    const dataset = await loadDataset(datasetPath('breast_cancer.csv'), { label: 'target' });
    expect(dataset.features.rows).toBe(569);
    expect(dataset.features.cols).toBe(30);
    expect(dataset.features.columns[0]).toEqual({ name: 'mean radius', kind: 'numeric' });
    expect(dataset.features.data[0]).toBe(17.99);
    expect(dataset.labels.classes).toEqual(['0', '1']);
  });

  it('parses every float as JavaScript (and Python) do: correctly rounded', async () => {
    const cells = [
      '0.1',
      '17.99',
      '1e-320',
      '2.2250738585072014e-308',
      '123456789.123456789',
      '-0.0',
      '9007199254740993',
      ' 0.25 ',
    ];
    const file = tempFile('floats.csv', `x,y\n${cells.map((cell, i) => `${cell},${i % 2}`).join('\n')}\n`);
    const { features } = await loadDataset(file, { label: 'y' });
    expect(Array.from(features.data)).toEqual(cells.map(Number));
    expect(Object.is(features.data[5], -0)).toBe(true);
  });

  it('sorts integer labels numerically and string labels lexicographically', async () => {
    const numeric = await loadDataset(tempFile('n.csv', 'x,y\n1,10\n2,2\n3,2\n'), { label: 'y' });
    expect(numeric.labels.classes).toEqual(['2', '10']);
    expect(Array.from(numeric.labels.codes)).toEqual([1, 0, 0]);
    const named = await loadExample('iris');
    expect(named.labels.classes).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('types columns: numbers with missing markers stay numeric, words become categorical codes', async () => {
    const file = tempFile('k.csv', 'a,b,label\n1.5,red,x\nNA,blue,y\n,red,x\n nan ,?,y\ninf,None,x\n');
    const dataset = await loadDataset(file, { label: 'label', infinities: 'missing' });
    const [a, b] = dataset.features.columns;
    expect(a.kind).toBe('numeric');
    expect(b).toEqual({ name: 'b', kind: 'categorical', levels: ['red', 'blue'] });
    expect(Array.from(dataset.features.data)).toEqual([
      1.5,
      0,
      Number.NaN,
      1,
      Number.NaN,
      0,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });

  it('NaN spellings are missing in every text format; an infinity is an error unless read as missing', async () => {
    const csv = tempFile('nan.csv', 'a,y\n1,x\nNaN,y\n-nan,x\nNAN,y\n2,x\n');
    const dataset = await loadDataset(csv, { label: 'y', infinities: 'error' });
    expect(Array.from(dataset.features.data)).toEqual([1, Number.NaN, Number.NaN, Number.NaN, 2]);
    const jsonl = tempFile('nan.jsonl', '{"a":"nan","y":"x"}\n{"a":1,"y":"y"}\n');
    expect(Array.from((await loadDataset(jsonl, { label: 'y' })).features.data)).toEqual([Number.NaN, 1]);
    const infinite = tempFile('inf.csv', 'a,y\n1,x\n2,y\n1e400,x\n');
    await expect(loadDataset(infinite, { label: 'y' })).rejects.toThrow(
      /inf\.csv:4: column "a" holds an infinite value/,
    );
  });

  it('a numeric label has one spelling per number: 1, 1.0 and 01 are one class', async () => {
    const file = tempFile('labels.csv', 'a,y\n1,1\n2,1.0\n3,0\n4,01\n5,0.0\n6,2.5\n');
    const dataset = await loadDataset(file, { label: 'y' });
    expect(dataset.labels.classes).toEqual(['0', '1', '2.5']);
    expect(Array.from(dataset.labels.codes)).toEqual([1, 1, 0, 1, 0, 2]);
  });

  it('reads TSV, semicolons, gzip, JSON, JSONL and Parquet into the same dataset', async () => {
    const rows = [
      [1.5, 'red', 'x'],
      [2, 'blue', 'y'],
      [3.25, 'red', 'x'],
    ] as const;
    const expected = [1.5, 0, 2, 1, 3.25, 0];
    const csv = `a,b,label\n${rows.map((row) => row.join(',')).join('\n')}\n`;
    const files = [
      tempFile('d.tsv', csv.replaceAll(',', '\t')),
      tempFile('d.csv', csv.replaceAll(',', ';')),
      tempFile('d.csv.gz', gzipSync(csv)),
      tempFile('d.json', JSON.stringify(rows.map(([a, b, label]) => ({ a, b, label })))),
      tempFile('d.jsonl', rows.map(([a, b, label]) => JSON.stringify({ a, b, label })).join('\n')),
    ];
    const parquet = `${files[0]}.parquet`;
    execFileSync(process.execPath, [
      '-e',
      `const { DuckDBInstance } = require('@duckdb/node-api');
       (async () => { const c = await (await DuckDBInstance.create()).connect();
       await c.run("COPY (SELECT * FROM read_csv('${files[0]}')) TO '${parquet}' (FORMAT parquet)"); })();`,
    ]);
    files.push(parquet);
    for (const file of files) {
      const dataset = await loadDataset(file, { label: 'label' });
      expect(Array.from(dataset.features.data), file).toEqual(expected);
      expect(dataset.labels.classes).toEqual(['x', 'y']);
    }
  });

  it('drops the columns given in drop, and names a drop column that is not there', async () => {
    const file = tempFile('d.csv', 'id,a,y\n1,5,0\n2,6,1\n');
    const dataset = await loadDataset(file, { label: 'y', drop: ['id'] });
    expect(dataset.features.columns.map((column) => column.name)).toEqual(['a']);
    const error = await errorOf(() => loadDataset(file, { label: 'y', drop: ['nope'] }));
    expect(error.code).toBe('missing_column');
    expect(error.message).toContain('--drop');
  });

  it('refuses a row without a label, naming its line', async () => {
    const error = await errorOf(() => loadDataset(tempFile('f.csv', 'a,y\n1,0\n2,\n'), { label: 'y' }));
    expect(error.code).toBe('missing_values');
    expect(error.message).toMatch(/f\.csv:3: /);
  });
});
