import { describe, expect, it } from 'vitest';
import { writePetsCsv } from './pets-csv.js';
import { expectOneLineError, expectSections, runCli, writeTempCsv } from './run-cli.js';

const categorical = writePetsCsv();
const withGaps = writeTempCsv(
  'gaps.csv',
  `a,b,y\n${Array.from({ length: 30 }, (_, i) => `${i % 7 === 0 ? '' : i},${i % 3},${i % 2}`).join('\n')}\n`,
);

describe('modeldebug eval', () => {
  it('cross-validates a bundled example and prints metrics, report and confusion matrix', () => {
    const result = runCli(['eval', '--example', 'iris', '--scale', 'standard', '--cv', '5']);
    expectSections(result, [
      'Cross-validation scores',
      'balanced accuracy',
      'Classification report',
      'Confusion matrix',
      'setosa',
    ]);
    expect(result.stdout).toMatch(/^mean\s+0\.9600/m);
  });

  it('prints one JSON document with metrics, confusion matrix and per-fold scores', () => {
    const result = runCli([
      'eval',
      '--example',
      'breast_cancer',
      '--scale',
      'standard',
      '--cv',
      '3',
      '--json',
    ]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.schema).toBe('modeldebug.eval');
    expect(document.confusionMatrix.labels).toEqual(['0', '1']);
    expect(document.confusionMatrix.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(569);
    expect(document.crossValidation.folds).toHaveLength(3);
    expect(document.metrics.rocAuc.binary).toBeGreaterThan(0.95);
    expect(document.metrics.brier).toBeLessThan(0.1);
    expect(document.classificationReport.weightedAvg.f1Score).toBeCloseTo(document.metrics.f1.weighted, 12);
  });

  it('evaluates on a hold-out split by default and encodes categorical columns on request', () => {
    const result = runCli(['eval', categorical, '--label', 'kind', '--encode', 'onehot', '--json']);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.protocol.kind).toBe('holdout');
    expect(document.testRows).toBe(8);
    expect(document.model.steps.map((step: { name: string }) => step.name)).toEqual(['onehot', 'logreg']);
  });

  it('trains on one file and tests on another', () => {
    const result = runCli([
      'eval',
      withGaps,
      '--label',
      'y',
      '--impute',
      'mean',
      '--test',
      withGaps,
      '--json',
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).testRows).toBe(30);
  });

  describe('bad input: one line, where, how to fix, exit 2', () => {
    it('missing file', () =>
      expectOneLineError(runCli(['eval', '/no/such.csv', '--label', 'y']), '/no/such.csv'));
    it('missing label column lists the columns', () =>
      expectOneLineError(
        runCli(['eval', categorical, '--label', 'species']),
        'label column "species" not found',
        'weight, colour, kind',
      ));
    it('non-numeric feature without an encoder names it and the flag', () =>
      expectOneLineError(runCli(['eval', categorical, '--label', 'kind']), '"colour"', '--encode onehot'));
    it('missing values without an imputer', () =>
      expectOneLineError(runCli(['eval', withGaps, '--label', 'y']), 'column "a"', '--impute'));
    it('a single class', () => {
      const single = writeTempCsv('one.csv', 'x,y\n1,a\n2,a\n3,a\n');
      expectOneLineError(runCli(['eval', single, '--label', 'y', '--cv', '2']), 'only one class');
    });
    it('fewer rows per class than folds', () =>
      expectOneLineError(
        runCli(['eval', categorical, '--label', 'kind', '--encode', 'onehot', '--cv', '25']),
        'fewer than the 25 folds',
        '--cv 20',
      ));
    it('an unknown param lists the valid ones', () =>
      expectOneLineError(
        runCli(['eval', '--example', 'iris', '--param', 'gamma=1']),
        'unknown param "gamma"',
        'penalty',
      ));
    it('an invalid param value', () =>
      expectOneLineError(runCli(['eval', '--example', 'iris', '--param', 'C=-1']), 'param "C"'));
    it('an unknown flag', () => {
      const result = runCli(['eval', '--example', 'iris', '--folds', '3']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("unknown option '--folds'");
    });
  });
});
