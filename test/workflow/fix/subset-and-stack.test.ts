import { describe, expect, it } from 'vitest';
import { classifierKind } from '../../../src/workflow/model-plans.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { fixPlanted } from '../../helpers/planted-fix.js';

/** Planted answers from test/fixtures/fix/make_planted_more.py; `shuffled_train.csv` is the control. */
const _dir = fixturePath('fix');

const fixOf = fixPlanted;

describe("RFECV's feature subset", () => {
  it('is kept for a kNN drowned in 40 noise columns, and drops (nearly) all of them', async () => {
    const result = await fixOf('noise_train.csv', 'noise_test.csv', 'scale | knn', ['features']);
    const [change] = result.changes;
    expect([change.code, change.remedy, change.status]).toEqual(['useless_features', 'features', 'kept']);
    expect(change.ciLow).toBeGreaterThan(0);
    // The planted answer: the 40 noiseN columns go, the 6 of the clean problem (4 informative) mostly stay.
    const dropped = result.final.droppedColumns;
    expect(dropped.filter((column) => column.startsWith('noise')).length).toBeGreaterThanOrEqual(38);
    expect(dropped.filter((column) => /^f\d$/.test(column)).length).toBeLessThanOrEqual(2);
    // The subset helps on the untouched test rows too, beyond the bootstrap interval of the start.
    expect(result.test.after.metrics.accuracy).toBeGreaterThan(result.test.before.intervals.accuracy.high);
  }, 120_000);

  it('is not kept when the labels carry nothing to learn', async () => {
    const result = await fixOf('shuffled_train.csv', 'clean_test.csv', 'scale | knn', ['features']);
    expect(result.changes.filter((change) => change.status === 'kept')).toEqual([]);
    expect(result.final.droppedColumns).toEqual([]);
  }, 120_000);
});

describe('the stacking candidate', () => {
  it('is kept where the soft vote averages a confidently wrong member in, and the vote is not', async () => {
    const result = await fixOf('xor_train.csv', 'xor_test.csv', 'gnb', ['ensemble']);
    const byVerb = (verb: string) => result.changes.find((change) => change.description.startsWith(verb));
    expect(byVerb('stack')?.status).toBe('kept');
    expect(byVerb('stack')?.ciLow).toBeGreaterThan(0);
    expect(byVerb('soft-vote')?.status).toBe('rejected');
    expect(classifierKind(result.final.steps)).toBe('stack');
    expect(result.test.after.metrics.accuracy).toBeGreaterThan(result.test.before.intervals.accuracy.high);
  }, 240_000);

  it('is rejected, like the vote, when the labels carry nothing to learn', async () => {
    const result = await fixOf('shuffled_train.csv', 'clean_test.csv', 'scale | knn', ['ensemble']);
    expect(result.changes.map((change) => [change.code, change.status])).toEqual([
      ['ensemble_gain', 'rejected'],
      ['ensemble_gain', 'rejected'],
    ]);
    expect(result.final).toEqual(result.start);
  }, 240_000);
});
