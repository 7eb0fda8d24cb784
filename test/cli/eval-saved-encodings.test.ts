import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/fixtures.js';
import { runCommandInProcess } from '../helpers/run-command-in-process.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { expectOneLineError, runCli } from './run-cli.js';

/** test/fixtures/fix/make_planted_more.py: a date and a "52,000" column; dated_* carry the signal in them. */
const dir = fixturePath('fix');
const makeTempDir = useTempDir();

/** `fix` with only the encodings to try, then `eval --model @model.json` on the same training and test files. */
async function fixThenEval(train: string) {
  const out = join(makeTempDir('modeldebug-fix-encodings-'), 'out');
  const files = ['--label', 'y', '--test', join(dir, 'dated_test.csv')];
  const fixed = await runCommandInProcess([
    'fix',
    '--data',
    join(dir, train),
    ...files,
    '--model',
    'onehot | scale | logreg',
    '--allow',
    'encode',
    '--out',
    out,
    '--json',
  ]);
  expect(fixed.status, fixed.stderr).toBe(0);
  const evaluated = await runCommandInProcess([
    'eval',
    join(dir, train),
    ...files,
    '--model',
    `@${join(out, 'model.json')}`,
    '--json',
  ]);
  expect(evaluated.status, evaluated.stderr).toBe(0);
  return { changes: JSON.parse(fixed.stdout), evaluation: JSON.parse(evaluated.stdout), out };
}

describe('eval --model @model.json after fix tried encodings', () => {
  it('applies the encodings fix kept: its test accuracy is fix’s', async () => {
    const { changes, evaluation } = await fixThenEval('dated_train.csv');
    expect(changes.encodings.map((encoding: { action: string }) => encoding.action).sort()).toEqual([
      'date-parts',
      'parse-number',
    ]);
    expect(evaluation.metrics.accuracy).toBe(changes.test.after.metrics.accuracy);
  }, 120_000);

  it('applies none that fix rejected, though eval alone would encode those columns', async () => {
    const { changes, evaluation } = await fixThenEval('undated_train.csv');
    expect(changes.encodings).toEqual([]);
    expect(evaluation.metrics.accuracy).toBe(changes.test.after.metrics.accuracy);
    // Planning on the file (a plain spec) does encode them, and scores otherwise here: the check above can fail.
    const plain = await runCommandInProcess([
      'eval',
      join(dir, 'undated_train.csv'),
      '--label',
      'y',
      '--test',
      join(dir, 'dated_test.csv'),
      '--model',
      'onehot | scale | logreg',
      '--json',
    ]);
    expect(JSON.parse(plain.stdout).metrics.accuracy).not.toBe(changes.test.after.metrics.accuracy);
  }, 120_000);

  it('refuses an edited encoding in one line naming the key', async () => {
    const { out } = await fixThenEval('dated_train.csv');
    const path = join(out, 'model.json');
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    saved.encodings[0].style = 'roman';
    writeFileSync(path, JSON.stringify(saved));
    expectOneLineError(
      runCli(['eval', join(dir, 'dated_train.csv'), '--label', 'y', '--model', `@${path}`]),
      '--model',
      'encodings[0]["style"]',
    );
  }, 120_000);
});
