import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { BAD_INPUTS } from './bad-inputs.js';
import { errorOf, tempFile } from './load-helpers.js';

describe('bad input', () => {
  it.each(BAD_INPUTS)('$name: one line with file, line and fix', async (bad) => {
    const path = bad.file === 'missing.csv' ? '/nonexistent/missing.csv' : tempFile(bad.file, bad.content);
    const error = await errorOf(() => loadDataset(path, { label: bad.label ?? 'y' }));
    expect(error.message).toMatch(bad.says);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain(`${bad.where}:`);
    expect(error.message).toContain(' — ');
  });

  it('accepts a UTF-8 byte-order mark (as Excel writes it) and reads the first column name cleanly', async () => {
    const path = tempFile('bom.csv', `\uFEFFa,y\n1,0\n2,1\n`);
    const dataset = await loadDataset(path, { label: 'y' });
    expect(dataset.features.columns[0].name).toBe('a');
  });
});
