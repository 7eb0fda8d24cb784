import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingRecordSchema } from '../../src/core/finding-record.js';
import { datasetPath } from '../helpers/fixtures.js';
import { runCommandInProcess } from '../helpers/run-command-in-process.js';
import { expectOneLineError, expectSections, runCli, writeTempCsv } from './run-cli.js';

/** A numeric feature that half explains the label, and a free-text column about two topics. */
const tickets = writeTempCsv(
  'tickets.csv',
  `hours,message,team\n${Array.from({ length: 60 }, (_, i) => {
    const billing = i % 2 === 0;
    const message = billing
      ? ['refund for late parcel', 'parcel delivery late refund', 'charged twice refund please'][i % 3]
      : ['password reset fails', 'cannot login after password reset', 'login page error'][i % 3];
    return `${(i * 7) % 13},${message},${billing ? 'billing' : 'support'}`;
  }).join('\n')}\n`,
);

describe('modeldebug errors', () => {
  it('prints findings and every section for a bundled example', () => {
    const result = runCli(['errors', '--example', 'iris', '--scale', 'standard', '--n-boot', '200']);
    expectSections(result, [
      'Findings',
      'Overview: 6 errors in 150 rows',
      'Confusion pairs',
      'Most confidently wrong rows',
      'Weak slices',
      'Suspected label errors',
      'Calibration (top-label confidence vs accuracy): ECE',
      'McNemar',
      'Ranking curves (one vs rest',
    ]);
    expect(result.stdout).toMatch(/^accuracy\s+0\.9600\s+0\.9\d+\s+0\.9\d+$/m);
    expect(result.stdout).toContain(
      '[confusion_pair] 50 % of the errors (3 of 150 rows) are "versicolor" predicted as "virginica".',
    );
  });

  it('--json findings are finding records naming the rows of the file, with the labels the file has', () => {
    const result = runCli(['errors', '--example', 'iris', '--scale', 'standard', '--n-boot', '50', '--json']);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    const labels = readFileSync(datasetPath('iris_named.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.slice(line.lastIndexOf(',') + 1));
    expect(document.findings.length).toBeGreaterThan(0);
    for (const record of document.findings) {
      expect(findingRecordSchema.parse(record)).toEqual(record);
      const pair = /are "(\w+)" predicted as/.exec(record.message);
      if (record.code === 'confusion_pair') for (const row of record.rows) expect(labels[row]).toBe(pair![1]);
      const named = /data row (\d+) \(0-based, header excluded\), labelled "(\w+)"/.exec(record.message);
      if (named) expect(labels[Number(named[1])]).toBe(named[2]);
    }
    // A row suspected of a wrong label is not listed again among the confident mistakes.
    const suspects = document.findings.find((r: { code: string }) => r.code === 'label_errors')?.rows ?? [];
    const confident =
      document.findings.find((r: { code: string }) => r.code === 'confident_errors')?.rows ?? [];
    expect(confident.filter((row: number) => suspects.includes(row))).toEqual([]);
  });

  it('prints one JSON document whose parts agree', () => {
    const result = runCli([
      'errors',
      '--example',
      'breast_cancer',
      '--scale',
      'standard',
      '--cv',
      '3',
      '--n-boot',
      '200',
      '--baseline',
      'gnb',
      '--json',
    ]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.schema).toBe('modeldebug.errors');
    expect(document.misclassified).toHaveLength(document.errorCount);
    expect(document.calibration.kind).toBe('binary');
    const binned = document.calibration.bins.reduce(
      (sum: number, bin: { count: number }) => sum + bin.count,
      0,
    );
    expect(binned).toBe(569);
    expect(document.bootstrap.accuracy.estimate).toBeCloseTo(1 - document.errorRate, 12);
    expect(document.baselineComparison.baseline).toBe('gaussian-nb');
    expect(['exact-binomial', 'chi-square-corrected']).toContain(document.baselineComparison.mcnemar.method);
    expect(document.protocol.description).toContain('3-fold');
    expect(document.curves).toHaveLength(1);
    expect(document.curves[0].roc.auc).toBeGreaterThan(0.95);
  });

  it('fits a numeric model without the text column and clusters the misclassified texts', () => {
    const result = runCli([
      'errors',
      tickets,
      '--label',
      'team',
      '--text',
      'message',
      '--model',
      'gnb',
      '--json',
    ]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.errorCount).toBeGreaterThan(6);
    expect(document.textClusters.length).toBeGreaterThanOrEqual(2);
    expect(document.textClusters[0].column).toBe('message');
    expect(document.textClusters[0].topTerms.length).toBeGreaterThan(0);
  });

  // In process (the command table and error path main.ts uses): five spawned CLIs, each transforming
  // the sources, took over a minute on a loaded machine; one spawn below still checks the real process.
  it('turns bad input into one line', async () => {
    expectOneLineError(await runCommandInProcess(['errors', '--example', 'iris', '--cv', '1']), '--cv');
    expectOneLineError(await runCommandInProcess(['errors', tickets]), '--label is required');
    expectOneLineError(await runCommandInProcess(['errors', '--example', 'iris', '--top', '0']), '--top');
    expectOneLineError(
      await runCommandInProcess(['errors', '--example', 'iris', '--cv', '60']),
      'fewer than the 60 folds',
    );
    expectOneLineError(await runCommandInProcess(['errors', '--example', 'nope']), 'unknown example');
  });

  it('exits 2 with the one line from a real process too', () => {
    expectOneLineError(runCli(['errors', '--example', 'nope']), 'unknown example');
  });
});
