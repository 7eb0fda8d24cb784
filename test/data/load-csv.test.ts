import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isModeldebugError } from '../../src/core/index.js';
import { loadCsv, loadExample, parseCsvText } from '../../src/data/index.js';
import { datasetPath } from '../helpers/fixtures.js';

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isModeldebugError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a ModeldebugError');
}

describe('loadCsv', () => {
  it('reads the bundled breast_cancer file exactly, with numeric labels sorted by value', () => {
    const dataset = loadCsv(datasetPath('breast_cancer.csv'), { label: 'target' });
    expect(dataset.features.rows).toBe(569);
    expect(dataset.features.cols).toBe(30);
    expect(dataset.features.columns[0]).toEqual({ name: 'mean radius', kind: 'numeric' });
    expect(dataset.features.data[0]).toBe(17.99);
    expect(dataset.labels.classes).toEqual(['0', '1']);
  });

  it('sorts integer labels numerically and string labels lexicographically', () => {
    const numeric = parseCsvText('x,y\n1,10\n2,2\n3,2\n', { label: 'y' });
    expect(numeric.labels.classes).toEqual(['2', '10']);
    const named = loadExample('iris');
    expect(named.labels.classes).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('types columns: numbers with missing markers stay numeric, words become categorical codes', () => {
    const dataset = parseCsvText('a,b,label\n1.5,red,x\nNA,blue,y\n,red,x\n', { label: 'label' });
    const [a, b] = dataset.features.columns;
    expect(a.kind).toBe('numeric');
    expect(b).toEqual({ name: 'b', kind: 'categorical', levels: ['red', 'blue'] });
    expect(Array.from(dataset.features.data)).toEqual([1.5, 0, Number.NaN, 1, Number.NaN, 0]);
  });

  it('names the file and lists the columns when the label column is missing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'md-'));
    const file = join(folder, 'data.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const error = errorOf(() => loadCsv(file, { label: 'target' }));
    expect(error.code).toBe('missing_column');
    expect(error.message).toContain(file);
    expect(error.message).toContain('columns are: a, b');
  });

  it('reports a missing file and a ragged row with file and line', () => {
    expect(errorOf(() => loadCsv('/nonexistent/x.csv', { label: 'y' })).code).toBe('file_not_found');
    const ragged = errorOf(() => parseCsvText('a,y\n1,0\n2,1,9\n', { label: 'y', sourceName: 'f.csv' }));
    expect(ragged.code).toBe('parse_error');
    expect(ragged.message).toContain('f.csv:3');
  });

  it('refuses a row without a label, naming its line', () => {
    const error = errorOf(() => parseCsvText('a,y\n1,0\n2,\n', { label: 'y', sourceName: 'f.csv' }));
    expect(error.code).toBe('missing_values');
    expect(error.message).toContain('f.csv:3');
  });
});
