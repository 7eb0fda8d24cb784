import { describe, expect, it } from 'vitest';
import {
  type CalibrationEvidence,
  calibrationEvidence,
  calibrationVerdict,
} from '../../../src/analysis/index.js';
import { createRng } from '../../../src/core/rng.js';
import { binaryCalibration } from '../../../src/metrics/index.js';

/** Binned binary calibration of n rows whose true P(positive) is `truth(p)` when the model says p. */
function simulated(
  source: string,
  n: number,
  seed: number,
  truth: (p: number) => number,
): CalibrationEvidence {
  const rng = createRng(seed);
  const y = new Int32Array(n);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    p[i] = rng.next();
    y[i] = rng.next() < truth(p[i]) ? 1 : 0;
  }
  y[0] = 0;
  y[1] = 1;
  return calibrationEvidence(source, binaryCalibration(y, p, 2));
}

describe('calibrationVerdict: one verdict from out-of-fold and test evidence', () => {
  it('rarely calls a perfectly calibrated model miscalibrated on 30 test rows (the demo contradiction)', () => {
    let flaggedAlone = 0;
    let flaggedPooled = 0;
    let eceAboveFixThreshold = 0;
    for (let seed = 0; seed < 200; seed++) {
      const test = simulated('test', 30, seed, (p) => p);
      if (test.ece > 0.05) eceAboveFixThreshold++;
      if (calibrationVerdict([test])?.miscalibrated) flaggedAlone++;
      const oof = simulated('out-of-fold', 120, 1000 + seed, (p) => p);
      if (calibrationVerdict([oof, test])?.miscalibrated) flaggedPooled++;
    }
    // A raw "ECE > 0.05" rule fires on most calibrated 30-row samples; the verdict, with the size in
    // mind, almost never does.
    expect(eceAboveFixThreshold).toBeGreaterThan(150);
    expect(flaggedAlone).toBeLessThanOrEqual(10);
    expect(flaggedPooled).toBeLessThanOrEqual(10);
  });

  it('finds a real miscalibration (true P = p², overconfident) when there are rows enough', () => {
    const verdict = calibrationVerdict([
      simulated('out-of-fold', 2000, 1, (p) => p * p),
      simulated('test', 500, 2, (p) => p * p),
    ])!;
    expect(verdict.miscalibrated).toBe(true);
    expect(verdict.rows).toBe(2500);
    expect(verdict.summary).toMatch(/out-of-fold 0\.\d{3}, test 0\.\d{3}, pooled bin by bin/);
    expect(verdict.summary).toContain('miscalibrated beyond what chance explains');
  });

  it('pools bin by bin: the pooled ECE is the row-weighted gap of the merged bins', () => {
    const bins = (confidence: number, accuracy: number, count: number) => [
      { count, meanConfidence: confidence, accuracy },
      { count: 0, meanConfidence: null, accuracy: null },
    ];
    const verdict = calibrationVerdict([
      { source: 'a', kind: 'top-label', ece: 0.1, bins: bins(0.9, 0.8, 30) },
      { source: 'b', kind: 'top-label', ece: 0.02, bins: bins(0.9, 0.92, 120) },
    ])!;
    // |30·(0.8−0.9) + 120·(0.92−0.9)| / 150 = |−3 + 2.4| / 150 = 0.004.
    expect(verdict.ece).toBeCloseTo(0.004, 12);
    expect(verdict.miscalibrated).toBe(false);
  });

  it('is undefined without evidence', () => {
    expect(calibrationVerdict([])).toBeUndefined();
  });
});
