import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { fixturePath } from '../../helpers/fixtures.js';

/** test/fixtures/fix/make_planted_more.py: dated_* carry signal in a date and a "52,000" column. */
const dir = fixturePath('fix');

async function fixEncodings(train: string) {
  const data = await prepareFixData({
    train: join(dir, train),
    test: join(dir, 'dated_test.csv'),
    label: 'y',
    testSize: 0.2,
    seed: 0,
  });
  return runFix(data, parseModelSpec('onehot | scale | logreg'), {
    metric: 'accuracy',
    cv: 5,
    seed: 0,
    nBoot: 200,
    remedies: ['encode', 'drop-columns'],
  });
}

describe('date and number-format encodings', () => {
  it('are kept where the date and the "52,000" amounts carry the signal', async () => {
    const result = await fixEncodings('dated_train.csv');
    const kept = result.changes.filter((change) => change.status === 'kept');
    expect(kept.map((change) => [change.code, change.columns]).sort()).toEqual([
      ['date_column', ['signup']],
      ['number_format', ['amount']],
    ]);
    for (const change of kept) expect(change.ciLow).toBeGreaterThan(0);
    expect(result.final.repairs?.map((repair) => repair.action).sort()).toEqual([
      'date-parts',
      'parse-number',
    ]);
    // The raw date was not taken for an identifier once encoded.
    expect(result.final.droppedColumns).not.toContain('signup');
    expect(result.test.after.metrics.accuracy).toBeGreaterThan(result.test.before.intervals.accuracy.high);
  }, 120_000);

  it('are rejected where those columns do not predict the label', async () => {
    const result = await fixEncodings('undated_train.csv');
    const encodings = result.changes.filter((change) => change.remedy === 'encode');
    expect(encodings.map((change) => change.status)).toEqual(['rejected', 'rejected']);
    expect(result.final.repairs).toBeUndefined();
  }, 120_000);
});
