import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatModelSpec, loadModel, parseModelSpec } from '../../src/catalog/index.js';
import { logLoss } from '../../src/metrics/index.js';
import { fitState } from '../../src/workflow/fix/final-comparison.js';
import { type FixState, prepareFixData } from '../../src/workflow/fix/index.js';
import { fixturePath } from '../helpers/fixtures.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { expectOneLineError, runCli } from './run-cli.js';

const dir = fixturePath('fix');
const makeTempDir = useTempDir();

/** A model.json as `fix` writes it: the fitted envelope plus the spec and the wrappers to refit. */
async function savedFixModel(out: string, state: FixState) {
  const data = await prepareFixData({
    train: join(dir, 'clean_train.csv'),
    test: join(dir, 'clean_test.csv'),
    label: 'y',
    testSize: 0.2,
    seed: 0,
  });
  const fitted = await fitState(data.train, state);
  const path = join(out, 'model.json');
  const spec = formatModelSpec([...state.steps]);
  writeFileSync(
    path,
    JSON.stringify({
      ...fitted.toJSON(),
      spec,
      droppedColumns: [],
      calibration: state.calibration,
      threshold: state.threshold,
    }),
  );
  return { path, data };
}

function evalOnTest(model: string) {
  const result = runCli([
    'eval',
    join(dir, 'clean_train.csv'),
    '--label',
    'y',
    '--test',
    join(dir, 'clean_test.csv'),
    '--model',
    model,
    '--json',
  ]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('eval --model @model.json', () => {
  it('scores the saved pipeline with its calibration and threshold: what loadModel(model.json) predicts', async () => {
    const out = makeTempDir('modeldebug-eval-saved-');
    const state: FixState = {
      droppedRows: [],
      droppedColumns: [],
      steps: parseModelSpec('scale | logreg'),
      calibration: 'sigmoid',
      threshold: 0.3,
    };
    const { path, data } = await savedFixModel(out, state);
    const evaluated = evalOnTest(`@${path}`);

    const restored = loadModel(JSON.parse(readFileSync(path, 'utf8')));
    const predicted = await restored.predict(data.test.features);
    const proba = await restored.predictProba(data.test.features);
    const { classes } = data.test.labels;
    const expected = classes.map(() => classes.map(() => 0));
    data.test.labels.codes.forEach((code, i) => {
      expected[code][classes.indexOf(restored.classes[predicted[i]])]++;
    });
    expect(evaluated.confusionMatrix.labels).toEqual(classes);
    expect(evaluated.confusionMatrix.matrix).toEqual(expected);
    expect(evaluated.metrics.logLoss).toBeCloseTo(logLoss(data.test.labels.codes, proba), 10);

    // The plain spec (no wrappers) predicts differently here: the test above could fail.
    const plain = evalOnTest(state.steps.map((step) => step.name).join(' | '));
    expect(plain.confusionMatrix.matrix).not.toEqual(expected);
  }, 120_000);

  it('refuses a threshold that is not a probability, in one line naming the key', async () => {
    const out = makeTempDir('modeldebug-eval-saved-');
    const path = join(out, 'model.json');
    writeFileSync(path, JSON.stringify({ spec: 'logreg', threshold: 'high' }));
    expectOneLineError(
      runCli(['eval', join(dir, 'clean_train.csv'), '--label', 'y', '--model', `@${path}`]),
      '--model',
      'threshold',
    );
  });
});
