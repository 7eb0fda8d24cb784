import { describe, expect, it } from 'vitest';
import { type ComplexityProbe, complexityAdvice, probeComplexity } from '../../../src/analysis/index.js';
import { complexityControls, parseModelSpec } from '../../../src/catalog/index.js';
import { loadExample } from '../../../src/data/index.js';

const iris = await loadExample('iris');

describe('complexity probes move the param that makes THIS model simpler', () => {
  it('k-NN overfitting: probes larger n_neighbors; a tree probes a smaller max_depth; logreg a smaller C', async () => {
    const cases = [
      { spec: 'scale | knn(n_neighbors=3)', param: 'n_neighbors', simpler: (v: number) => v > 3 },
      { spec: 'tree(random_state=0)', param: 'max_depth', simpler: (v: number) => Number.isFinite(v) },
      { spec: 'scale | logreg', param: 'C', simpler: (v: number) => v < 1 },
    ];
    for (const { spec, param, simpler } of cases) {
      const steps = parseModelSpec(spec);
      const probe = (await probeComplexity(
        iris.features,
        iris.labels,
        steps,
        complexityControls(steps),
        'simpler',
        { cv: 3 },
      ))!;
      expect(probe.control.param).toBe(param);
      expect(probe.tried.length).toBeGreaterThan(0);
      expect(probe.tried.length).toBeLessThanOrEqual(3);
      for (const value of probe.tried) expect(simpler(value as number)).toBe(true);
      // verified means exactly: the best value's interval lies above zero.
      expect(probe.verified).toBe(probe.best !== null && probe.best.gain.low > 0);
    }
  }, 60_000);

  it('recommends a value only when its gain is verified, and says which way it moves the model', () => {
    const control = { param: 'max_depth', step: 'tree', moreComplexWhen: 'up' as const, probeValues: [] };
    const probe = (gain: { mean: number; low: number; high: number }): ComplexityProbe => ({
      control,
      direction: 'simpler',
      current: null,
      tried: [8, 5, 3],
      best: { value: 5, gain },
      scoring: 'accuracy',
      verified: gain.low > 0,
    });
    const verified = complexityAdvice(probe({ mean: 0.03, low: 0.01, high: 0.05 }), 'simpler');
    expect(verified.suggestion).toBe('use max_depth=5: the gain is above fold-to-fold noise');
    expect(verified.message).toContain('lowering max_depth = a simpler model');
    const noise = complexityAdvice(probe({ mean: 0.004, low: -0.01, high: 0.018 }), 'simpler');
    expect(noise.suggestion).toMatch(/^nothing measured here helps/);
    expect(noise.message).toContain('lowering max_depth from none (tried 8, 5, 3) did not raise');
    const worse = complexityAdvice(probe({ mean: -0.1, low: -0.14, high: -0.06 }), 'simpler');
    expect(worse.suggestion).toMatch(/^keep max_depth=none: a simpler model scores lower/);
    for (const advice of [verified, noise, worse])
      expect(`${advice.message} ${advice.suggestion}`).not.toMatch(/\bC\b/);
  });
});
