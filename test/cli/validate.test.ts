import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../data/bad-inputs.js';
import { cleanTable, toCsv, withCell } from '../data/crafted.js';
import { expectOneLineError, runCli, writeTempCsv } from './run-cli.js';

const clean = writeTempCsv('clean.csv', toCsv(cleanTable()));
const dirty = writeTempCsv('dirty.csv', toCsv(withCell(withCell(cleanTable(), 2, 'x', 'abc'), 5, 'c', 'NA')));
const tooSmall = writeTempCsv(
  'small.csv',
  toCsv(cleanTable().map((row, i) => (i === 0 ? row : [...row.slice(0, 2), i <= 2 ? 'rare' : 'a']))),
);

describe('modeldebug validate', () => {
  it('prints a table sorted by status with evidence under each finding, exit 0 when nothing fails', () => {
    const result = runCli(['validate', dirty, '--label', 'y']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`modeldebug validate: ${dirty} (40 rows, 3 columns, label "y")`);
    const statuses = lines.filter((line) => /^(FAIL|WARN|PASS) /.test(line)).map((line) => line.slice(0, 4));
    expect(statuses).toEqual([...statuses].sort((a, b) => 'FWP'.indexOf(a[0]) - 'FWP'.indexOf(b[0])));
    expect(result.stdout).toMatch(/WARN\s+high\s+mixed_types\s+x\s+1 of 40 values \(2\.5%\) are text/);
    expect(result.stdout).toContain("e.g. row 3: 'abc'");
    expect(result.stdout).toMatch(/0 failed, \d+ warnings, \d+ passed/);
  });

  it('gates CI: exit 1 when a check fails, or warns with --fail-on warn', () => {
    expect(runCli(['validate', tooSmall, '--label', 'y']).status).toBe(1);
    expect(runCli(['validate', tooSmall, '--label', 'y', '--cv', '2']).status).toBe(0);
    expect(runCli(['validate', dirty, '--label', 'y', '--fail-on', 'warn']).status).toBe(1);
    expect(runCli(['validate', clean, '--label', 'y', '--fail-on', 'warn']).status).toBe(0);
  });

  it('prints one JSON document with the typed report', () => {
    const result = runCli(['validate', tooSmall, '--label', 'y', '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.schema).toBe('modeldebug.validate');
    expect(report.summary.fail).toBe(1);
    expect(report.findings[0]).toMatchObject({ check: 'class_balance', status: 'fail', severity: 'high' });
    expect(report.findings[0].evidence.classes).toEqual(['rare']);
  });

  it('rejects a bad --fail-on in one line', () => {
    const result = runCli(['validate', clean, '--fail-on', 'sometimes']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^modeldebug: error: --fail-on: --fail-on must be warn, fail or never/);
  });

  it.each(BAD_INPUTS)('bad input, $name: one line on stderr, exit 2, nothing on stdout', (bad) => {
    const path = bad.file === 'missing.csv' ? '/nonexistent/missing.csv' : writeTempCsv(bad.file, '');
    if (bad.file !== 'missing.csv') writeFileSync(path, bad.content); // bytes: BOMs and latin-1 included
    expectOneLineError(runCli(['validate', path, '--label', 'y']), bad.says, `${bad.where}:`);
  });
});
