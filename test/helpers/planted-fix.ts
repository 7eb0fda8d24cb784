import { join } from 'node:path';
import { parseModelSpec } from '../../src/catalog/index.js';
import { type FixRemedy, prepareFixData, runFix } from '../../src/workflow/fix/index.js';
import { fixturePath } from './fixtures.js';

/**
 * `fix` on a planted-defect training file of test/fixtures/fix and its test file: accuracy, 5 folds,
 * seed 0 — the settings the planted answers were checked with.
 */
export async function fixPlanted(train: string, test: string, model: string, remedies: readonly FixRemedy[]) {
  const dir = fixturePath('fix');
  const data = await prepareFixData({
    train: join(dir, train),
    test: join(dir, test),
    label: 'y',
    testSize: 0.2,
    seed: 0,
  });
  return runFix(data, parseModelSpec(model), { metric: 'accuracy', cv: 5, seed: 0, nBoot: 200, remedies });
}
