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

describe('modeldebug clean --test-out', () => {
  it('holds out a stratified share of the kept rows, every row in exactly one file', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i < 10 ? 'x' : 'y'}`);
    const input = writeTempCsv('data.csv', `a,y\n${rows.join('\n')}\n`);
    const out = join(dirname(input), 'train.csv');
    const testOut = join(dirname(input), 'test.csv');
    const result = runCli([
      'clean',
      input,
      '--label',
      'y',
      '--out',
      out,
      '--test-out',
      testOut,
      '--test-size',
      '0.2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/rows out\s+16\n/);
    expect(result.stdout).toMatch(/held out → .*test\.csv\s+4\n/);
    const body = (path: string) => readFileSync(path, 'utf8').trim().split('\n').slice(1);
    const train = body(out);
    const test = body(testOut);
    // ceil(0.2 * 20) = 4 test rows, 2 per class (sklearn's sizes), and the two files partition the input.
    expect(test.filter((row) => row.endsWith(',x'))).toHaveLength(2);
    expect(test.filter((row) => row.endsWith(',y'))).toHaveLength(2);
    expect([...train, ...test].sort()).toEqual([...rows].sort());
  });

  it('needs --label, in one line with exit 2', () => {
    const input = writeTempCsv('dirty.csv', DIRTY);
    const result = runCli([
      'clean',
      input,
      '--out',
      join(dirname(input), 'a.csv'),
      '--test-out',
      join(dirname(input), 'b.csv'),
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--test-out needs --label');
  });
});
