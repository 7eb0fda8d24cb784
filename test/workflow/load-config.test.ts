import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isModeldebugError } from '../../src/core/errors.js';
import { loadRunConfig, parseRunConfig, stepOptions } from '../../src/workflow/index.js';

function errorOf(text: string, source = 'run.yaml'): string {
  try {
    parseRunConfig(text, source);
  } catch (error) {
    if (isModeldebugError(error)) return error.message;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('run config', () => {
  it('fills every default: all steps on, f1_weighted, 5 folds, a 20 % hold-out', () => {
    const config = parseRunConfig('data:\n  example: iris\n', 'run.yaml');
    expect(config.metric).toBe('f1_weighted');
    expect(config.cv).toBe(5);
    expect(config.data.test_size).toBe(0.2);
    expect(Object.values(config.steps).every((step) => step === true)).toBe(true);
    expect(stepOptions(config, 'regularization')).toEqual({ penalty: 'l1', l1_ratio: 0.5, cs: 12 });
    expect(stepOptions(config, 'ensemble')).toEqual({ voting: 'soft', stack: true });
  });

  it('turns a step off with false and keeps given options', () => {
    const config = parseRunConfig(
      'data:\n  example: iris\nsteps:\n  ensemble: false\n  search:\n    strategy: random\n    trials: 4\n',
      'run.yaml',
    );
    expect(stepOptions(config, 'ensemble')).toBeUndefined();
    expect(stepOptions(config, 'search')).toEqual({ strategy: 'random', trials: 4, max_rows: 5000 });
  });

  it('names the key path and the line of a bad value', () => {
    const text = 'data:\n  example: iris\nsteps:\n  search:\n    strategy: nope\n';
    expect(errorOf(text)).toMatch(/^run\.yaml:5: steps\.search\.strategy: .*"grid"/);
  });

  it('names an unknown key by its own path and line', () => {
    expect(errorOf('data:\n  example: iris\n  bogus: 1\n')).toMatch(
      /^run\.yaml:3: data\.bogus: unknown key "bogus"/,
    );
    expect(errorOf('data:\n  example: iris\nsteps:\n  learning_curve:\n    sizes: [1]\n')).toMatch(
      /^run\.yaml:5: steps\.learning_curve\.sizes: unknown key/,
    );
  });

  it('points into lists and at numbers of the wrong kind', () => {
    expect(errorOf('data:\n  example: iris\nmodels:\n  - logreg\n  - 3\n')).toMatch(
      /^run\.yaml:5: models\.1: .*expected string/,
    );
    expect(errorOf('data:\n  example: iris\ncv: 1\n')).toMatch(/^run\.yaml:3: cv: .*>=2/);
  });

  it('asks for the label of a data file', () => {
    expect(errorOf('data:\n  train: x.csv\n')).toMatch(/^run\.yaml:2: data: .*data\.label is required/);
  });

  it('reads JSON with line numbers too', () => {
    const text = '{\n  "data": {"example": "iris"},\n  "metric": "auc"\n}\n';
    expect(errorOf(text, 'run.json')).toMatch(/^run\.json:3: metric: /);
  });

  it('reports a syntax error with its line', () => {
    expect(errorOf('data:\n  example: iris\nmodels: [a,\n')).toMatch(
      /^run\.yaml:\d+: cannot parse the config/,
    );
  });

  it('reads data paths relative to the config file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-config-'));
    const path = join(folder, 'run.yaml');
    writeFileSync(path, 'data:\n  train: data/train.csv\n  test: /abs/test.csv\n  label: y\n');
    const config = loadRunConfig(path);
    expect(config.data.train).toBe(join(folder, 'data', 'train.csv'));
    expect(config.data.test).toBe('/abs/test.csv');
  });

  it('the bundled example config is valid', () => {
    const config = loadRunConfig(join(__dirname, '..', '..', 'examples', 'iris.yaml'));
    expect(config.data.example).toBe('iris');
    expect(config.thresholds).toEqual({ f1_weighted: 0.85 });
  });
});
