import { describe, expect, it } from 'vitest';
import { writePetsCsv } from './pets-csv.js';
import { expectOneLineError, runCli } from './run-cli.js';

describe('modeldebug select', () => {
  it('runs RFE and prints the selected features and their ranking', () => {
    const result = runCli(['select', '--example', 'breast_cancer', '--scale', 'standard', '--rfe', '5']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Selected 5 of 30 features: radius error, worst radius, worst texture, worst area, worst concave points',
    );
    expect(result.stdout).toMatch(/^worst perimeter\s+2$/m);
  });

  it('prints RFECV as JSON with the per-count scores', () => {
    const result = runCli([
      'select',
      '--example',
      'iris',
      '--rfecv',
      '--json',
      '--param',
      'C=0.3',
      '--scale',
      'standard',
    ]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      method: string;
      nFeatures: number;
      cvResults: { nFeatures: number[]; meanTestScore: number[] };
      selected: string[];
    };
    expect(json.method).toBe('rfecv');
    expect(json.cvResults.nFeatures).toEqual([1, 2, 3, 4]);
    expect(json.nFeatures).toBe(json.selected.length);
  });

  it('scores features univariately with --kbest', () => {
    const result = runCli(['select', '--example', 'iris', '--kbest', '2', '--score-func', 'chi2', '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { selected: string[]; features: { pValue: number }[] };
    expect(json.selected).toEqual(['petal length (cm)', 'petal width (cm)']);
    expect(json.features[0].pValue).toBeGreaterThan(0);
  });

  it('insists on exactly one method', () => {
    expectOneLineError(runCli(['select', '--example', 'iris', '--rfe', '2', '--rfecv']), 'exactly one of');
  });

  it('explains why a one-hot encoded model cannot be eliminated from', () => {
    const csv = writePetsCsv();
    expectOneLineError(
      runCli(['select', csv, '--label', 'kind', '--encode', 'onehot', '--rfe', '1']),
      'cannot be mapped to input features',
    );
  });
});

describe('modeldebug importance', () => {
  it('prints permutation importances on held-out rows, most important first', () => {
    const result = runCli(['importance', '--example', 'iris', '--scale', 'standard']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('38 held-out rows');
    expect(result.stdout).toMatch(/Drop in accuracy when the feature is shuffled/);
  });

  it('gives mean, std and every repeat in JSON', () => {
    const result = runCli([
      'importance',
      '--example',
      'wine',
      '--scale',
      'standard',
      '--repeats',
      '3',
      '--json',
    ]);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      nRepeats: number;
      features: { importanceMean: number; importances: number[] }[];
    };
    expect(json.nRepeats).toBe(3);
    expect(json.features).toHaveLength(13);
    expect(json.features[0].importances).toHaveLength(3);
    expect(json.features[0].importanceMean).toBeGreaterThanOrEqual(json.features[12].importanceMean);
  });
});

describe('modeldebug regpath', () => {
  it('traces an L1 path and names the one-standard-error choice', () => {
    const result = runCli([
      'regpath',
      '--example',
      'breast_cancer',
      '--scale',
      'standard',
      '--penalty',
      'l1',
      '--cs',
      '6',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^L1 at C=\S+ /m);
    expect(result.stdout).toContain('1-SE');
  });

  it('writes the coefficients at every C in JSON', () => {
    const result = runCli(['regpath', '--example', 'iris', '--scale', 'standard', '--cs', '4', '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as {
      path: { C: number; coefficients: number[][]; nNonzero: number }[];
      oneStandardError: { C: number };
    };
    expect(json.path.map((point) => point.C)).toEqual([
      1e-4,
      expect.closeTo(0.0464158883361278, 12),
      expect.closeTo(21.544346900318846, 10),
      1e4,
    ]);
    expect(json.path[0].coefficients).toHaveLength(3);
    expect(json.path[3].nNonzero).toBe(4);
  });

  it('rejects an unknown penalty and a non-linear model', () => {
    expectOneLineError(runCli(['regpath', '--example', 'iris', '--penalty', 'l3']), 'unknown penalty');
    expectOneLineError(
      runCli(['regpath', '--example', 'iris', '--model', 'knn']),
      'traces logistic regression',
    );
  });
});
