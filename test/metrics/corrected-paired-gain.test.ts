import { describe, expect, it } from 'vitest';
import { correctedPairedGain, pairedGain } from '../../src/metrics/index.js';

describe('correctedPairedGain (Nadeau & Bengio)', () => {
  const after = [0.9, 0.85, 0.95, 0.8, 0.9];
  const before = [0.8, 0.65, 0.65, 0.6, 0.7];

  it('widens the t-interval to t · √((1/k + n_test/n_train) · s²)', () => {
    // Differences 0.1, 0.2, 0.3, 0.2, 0.2: mean 0.2, sample variance 0.005; t(0.975, 4) = 2.776.
    const gain = correctedPairedGain(after, before, 0.25);
    const half = 2.776 * Math.sqrt((1 / 5 + 0.25) * 0.005);
    expect(gain?.mean).toBeCloseTo(0.2, 12);
    expect(gain?.low).toBeCloseTo(0.2 - half, 12);
    expect(gain?.high).toBeCloseTo(0.2 + half, 12);
  });

  it('is the plain paired t-interval when no row is held out of training', () => {
    const corrected = correctedPairedGain(after, before, 0);
    const plain = pairedGain(after, before);
    expect(corrected?.low).toBeCloseTo(plain?.low ?? Number.NaN, 14);
    expect(corrected?.high).toBeCloseTo(plain?.high ?? Number.NaN, 14);
  });

  it('counts only the folds both sides scored, and needs two', () => {
    const gain = correctedPairedGain([0.9, null, 0.8, 0.7], [0.8, 0.5, 0.75, 0.7], 0.5);
    const diffs = [0.1, 0.05, 0];
    const variance = diffs.reduce((s, d) => s + (d - 0.05) ** 2, 0) / 2;
    expect(gain?.low).toBeCloseTo(0.05 - 4.303 * Math.sqrt((1 / 3 + 0.5) * variance), 12);
    expect(correctedPairedGain([0.9, null], [0.8, 0.7], 0.25)).toBeNull();
  });
});
