import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunStore } from '../../src/store/index.js';
import { expectOneLineError, runCli, writeTempCsv } from './run-cli.js';

describe('modeldebug run', () => {
  it('writes report.html and report.json, records the run, and fails the gate with the reason', () => {
    const folder = dirname(writeTempCsv('unused.csv', 'a\n'));
    const out = join(folder, 'report');
    const store = join(folder, 'runs.db');
    const result = runCli([
      'run',
      '--example',
      'iris',
      '--out',
      out,
      '--store',
      store,
      '--fail-under',
      'accuracy=0.5',
      '--fail-under',
      'f1_weighted=0.999',
      '--summary-md',
      join(folder, 'ci', 'summary.md'),
    ]);
    expect(result.status).toBe(1);
    const failures = result.stderr.split('\n').filter((line) => line.startsWith('modeldebug: fail-under:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^modeldebug: fail-under: f1_weighted 0\.\d{4} is below the threshold 0\.999$/,
    );
    // Progress goes to stderr, one line per step; stdout holds the findings.
    expect(result.stderr).toContain('[1/11] load');
    expect(result.stdout).toMatch(/^modeldebug run: example:iris \(150 rows\), 6 models/);
    expect(result.stdout).toContain('Top findings');
    expect(result.stdout).toMatch(/gate FAIL: f1_weighted/);
    expect(result.stdout).toMatch(/gate pass: accuracy/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(html).toContain('data-chart="confusion-matrix"');
    expect(json.version).toBe(1);
    // The CI summary says the same as the gate and the report: the verdict, metrics with intervals, findings.
    const markdown = readFileSync(join(folder, 'ci', 'summary.md'), 'utf8');
    expect(markdown.split('\n')[0]).toBe('## modeldebug run: example:iris — ❌ 1 of 2 thresholds missed');
    const ci = json.sections.finalTest.intervals.accuracy;
    expect(markdown).toContain(
      `| accuracy | ${ci.estimate.toFixed(4)} | ${ci.low.toFixed(4)} – ${ci.high.toFixed(4)} |`,
    );
    expect(markdown).toMatch(/\| f1\\_weighted \| 0\.999 \| 0\.\d{4} \| \*\*missed\*\* \|/);
    expect(markdown).toMatch(/\| accuracy \| 0\.5 \| 0\.\d{4} \| met \|/);
    expect(markdown).toContain(
      `### Top findings (${Math.min(8, json.findings.length)} of ${json.findings.length})`,
    );
    const runs = openRunStore(store);
    try {
      const [run] = runs.listRuns();
      expect(run.kind).toBe('run');
      expect(run.status).toBe('done');
      expect(run.summary).toEqual(json.summary);
      expect(runs.getReport(run.id)?.html).toBe(html);
    } finally {
      runs.close();
    }
  }, 120_000);

  it('reads a config file and names the line of a bad key', () => {
    const config = writeTempCsv(
      'run.yaml',
      'data:\n  example: iris\nsteps:\n  search:\n    strategy: exhaustive\n',
    );
    const result = runCli(['run', config, '--no-store']);
    expectOneLineError(result, `${config}:5: steps.search.strategy:`);
  });

  it('asks for data when given none, and for the label of a data file', () => {
    expectOneLineError(runCli(['run', '--no-store']), 'no data: give a config file');
    expectOneLineError(
      runCli(['run', '--data', 'datasets/iris.csv', '--no-store']),
      '--label: --label is required with --data',
    );
  });

  it('takes --data and --label, and --json prints report.json', () => {
    const rows = ['a,b,y'];
    for (let i = 0; i < 60; i++)
      rows.push(`${(i % 2) * 3 + ((i * 7) % 5) / 5},${(i * 3) % 7},${i % 2 ? 'yes' : 'no'}`);
    const data = writeTempCsv('small.csv', `${rows.join('\n')}\n`);
    const out = join(dirname(data), 'out');
    const result = runCli([
      'run',
      '--data',
      data,
      '--label',
      'y',
      '--model',
      'gnb',
      '--model',
      'scale | logreg',
      '--out',
      out,
      '--no-store',
      '--json',
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.summary.models).toEqual(['gnb', 'scale | logreg']);
    expect(report.summary.rows).toBe(60);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  }, 120_000);
});
