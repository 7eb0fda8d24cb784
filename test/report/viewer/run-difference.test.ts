import { describe, expect, it } from 'vitest';
import { runDifference } from '../../../src/report/viewer/run-difference.js';

/** A 2-class confusion matrix with `correct` of `rows` on the diagonal. */
const confusion = (rows: number, correct: number) => ({
  counts: [
    [correct, rows - correct],
    [0, 0],
  ],
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

describe('runDifference: is b really better than a?', () => {
  it('pairs two runs on the same rows: exact McNemar on the rows only one gets right', () => {
    // a gets rows 0-7 wrong, b none of them: 8 discordant rows, all for b → p = 2 · 0.5⁸.
    const a = { confusion: confusion(40, 32), testSet: { fingerprint: 'f', wrongRows: range(0, 8) } };
    const b = { confusion: confusion(40, 40), testSet: { fingerprint: 'f', wrongRows: [] } };
    const result = runDifference(a, b);
    expect(result.test).toBe('mcnemar');
    expect(result.pValue).toBeCloseTo(2 * 0.5 ** 8, 15);
    expect(result.significant).toBe(true);
    expect(result.sentence).toMatch(
      /^Tested on the same 40 test rows: the difference in accuracy \(0\.8000 → 1\.0000\) is significant at 5 %/,
    );
    expect(result.sentence).toContain('Fewer than 100 test rows');
  });

  it('uses the corrected chi-square with many discordant rows (scipy: chi2.sf(9.025, 1))', () => {
    // 30 rows only a gets right, 10 only b: (|30 − 10| − 1)² / 40 = 9.025.
    const a = { confusion: confusion(200, 190), testSet: { fingerprint: 'f', wrongRows: range(30, 40) } };
    const b = { confusion: confusion(200, 170), testSet: { fingerprint: 'f', wrongRows: range(0, 30) } };
    const result = runDifference(a, b);
    expect(result.method).toContain('chi-square-corrected; 30 rows only a gets right, 10 only b');
    expect(result.pValue).toBeCloseTo(0.002663119259138558, 12);
  });

  it('falls back to an unpaired two-proportion test on different rows (scipy: 2·norm.sf(1.17377))', () => {
    const a = { confusion: confusion(30, 27), testSet: { fingerprint: 'one', wrongRows: [0, 1, 2] } };
    const b = { confusion: confusion(50, 40) };
    const result = runDifference(a, b);
    expect(result.test).toBe('two-proportion');
    expect(result.pValue).toBeCloseTo(0.24048874414860588, 10);
    expect(result.significant).toBe(false);
    expect(result.sentence).toMatch(
      /^Tested on 30 test rows \(a\) and 50 \(b\): .* is not significant at 5 %: it may be chance/,
    );
  });
});
