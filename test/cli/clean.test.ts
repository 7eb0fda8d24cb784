import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTempCsv } from './run-cli.js';

const DIRTY = 'a,b,y\n1,red,x\n1,red,x\nNA,blue,y\n ,?,x\n3,green,y\n';

describe('modeldebug clean', () => {
  it('writes the cleaned copy and prints what changed', () => {
    const input = writeTempCsv('dirty.csv', DIRTY);
    const out = join(dirname(input), 'clean.csv');
    const result = runCli(['clean', input, '--out', out, '--impute', 'median']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/duplicate rows dropped\s+1\n/);
    expect(result.stdout).toMatch(/rows out\s+4\n/);
    expect(result.stdout).toContain('a: 2 cells ← 2');
    expect(readFileSync(out, 'utf8')).toBe('a,b,y\n1,red,x\n2,blue,y\n2,red,x\n3,green,y\n');
  });

  it('refuses to overwrite its input, in one line with exit 2', () => {
    const input = writeTempCsv('dirty.csv', DIRTY);
    const result = runCli(['clean', input, '--out', input]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'modeldebug: error: --out: the output file is the input file — clean never overwrites its input: give another --out path\n',
    );
    expect(readFileSync(input, 'utf8')).toBe(DIRTY);
  });
});
