import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { fixPlanted } from '../../helpers/planted-fix.js';

/**
 * Planted defects (test/fixtures/fix/make_planted.py): one clean problem, each training file with one
 * known defect, scored on the clean test file. `fix` must keep the change that undoes the defect and win
 * back most of the points the defect cost: the starting model on clean training rows is the target.
 */
const dir = fixturePath('fix');

const OPTIONS = { metric: 'accuracy', cv: 5, seed: 0, nBoot: 200 } as const;
const fixOf = fixPlanted;

async function cleanScore(model: string): Promise<number> {
  const result = await fixOf('clean_train.csv', 'clean_test.csv', model, []);
  return result.test.before.metrics.accuracy;
}

/** Share of the points the defect cost that the fix won back on the untouched test rows. */
function recovered(clean: number, result: Awaited<ReturnType<typeof fixOf>>): number {
  const before = result.test.before.metrics.accuracy;
  return (result.test.after.metrics.accuracy - before) / (clean - before);
}

describe('fix on planted defects', () => {
  it('drops the leak by rule and the points come back', async () => {
    const clean = await cleanScore('scale | logreg');
    const result = await fixOf('leak_train.csv', 'leak_test.csv', 'scale | logreg', ['drop-columns']);
    expect(result.changes.map((c) => [c.code, c.columns, c.status])).toEqual([
      ['target_leak', ['status'], 'kept'],
    ]);
    // The leak is what cross-validation loves: its measured "gain" is a large loss, shown, not hidden.
    expect(result.changes[0].ciHigh).toBeLessThan(0);
    expect(recovered(clean, result)).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('drops a row-number ID of a file sorted by label', async () => {
    const clean = await cleanScore('scale | logreg');
    const result = await fixOf('id_train.csv', 'id_test.csv', 'scale | logreg', ['drop-columns']);
    expect(result.final.droppedColumns).toEqual(['row_id']);
    expect(result.changes[0].code).toBe('id_column');
    expect(recovered(clean, result)).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('drops exact duplicates, judged on distinct held-out rows, with the rows of the file', async () => {
    const clean = await cleanScore('scale | logreg');
    const result = await fixOf('dup_train.csv', 'clean_test.csv', 'scale | logreg', ['dedupe']);
    const [change] = result.changes;
    expect(change.code).toBe('duplicate_rows');
    expect(change.status).toBe('kept');
    expect(change.ciLow).toBeGreaterThan(0);
    // 80 rows copied 8 more times: 640 repeats, each an exact copy of an earlier line of the file.
    expect(change.rows).toHaveLength(640);
    const lines = readFileSync(join(dir, 'dup_train.csv'), 'utf8').trim().split('\n').slice(1);
    for (const row of change.rows.slice(0, 50)) expect(lines.indexOf(lines[row])).toBeLessThan(row);
    expect(recovered(clean, result)).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('tunes a C far from its optimum', async () => {
    const clean = await cleanScore('scale | logreg');
    const result = await fixOf('clean_train.csv', 'clean_test.csv', 'scale | logreg(C=0.0001)', ['params']);
    expect(result.changes.map((c) => [c.code, c.status])).toEqual([['tuning_gain', 'kept']]);
    const C = result.final.steps[result.final.steps.length - 1].params.C as number;
    expect(C).toBeGreaterThanOrEqual(0.01);
    expect(recovered(clean, result)).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('with relabel allowed, drops rows whose labels were flipped (never rewrites them)', async () => {
    const result = await fixOf('noisy_train.csv', 'clean_test.csv', 'tree(random_state=0)', ['relabel']);
    const [change] = result.changes;
    expect([change.code, change.status]).toEqual(['label_errors', 'kept']);
    // The planted answer: rows whose label differs between the noisy and the clean file.
    const label = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').at(-1));
    const clean = label('clean_train.csv');
    const noisy = label('noisy_train.csv');
    const flipped = change.rows.filter((row) => clean[row] !== noisy[row]).length;
    expect(flipped / change.rows.length).toBeGreaterThan(0.6);
    expect(result.test.after.metrics.accuracy).toBeGreaterThan(result.test.before.metrics.accuracy);
    expect(result.test.mcnemar.pValue).toBeLessThan(0.05);
  }, 60_000);

  it('on the clean file keeps nothing by rule and nothing unverified', async () => {
    const result = await fixOf('clean_train.csv', 'clean_test.csv', 'scale | logreg', [
      'dedupe',
      'drop-columns',
      'impute',
      'relabel',
      'threshold',
    ]);
    for (const change of result.changes.filter((c) => c.status === 'kept'))
      expect(change.ciLow).toBeGreaterThan(0);
    expect(result.final.droppedColumns).toEqual([]);
    expect(result.changes.some((c) => c.code === 'duplicate_rows' || c.code === 'target_leak')).toBe(false);
  }, 60_000);

  it('stops trying candidates when the budget is spent, and says what it cut', async () => {
    const data = await prepareFixData({
      train: join(dir, 'leak_train.csv'),
      test: join(dir, 'leak_test.csv'),
      label: 'y',
      testSize: 0.2,
      seed: 0,
    });
    const result = await runFix(data, parseModelSpec('scale | logreg'), {
      ...OPTIONS,
      remedies: ['drop-columns', 'model', 'params'],
      budgetSeconds: 1e-6,
    });
    expect(result.budgetCut).toBe(3);
    expect(result.changes.map((change) => [change.remedy, change.status])).toEqual([
      ['drop-columns', 'skipped'],
      ['model', 'skipped'],
      ['params', 'skipped'],
    ]);
    expect(result.final).toBe(result.start);
  }, 60_000);
});
