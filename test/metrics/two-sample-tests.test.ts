import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chiSquaredHomogeneity, kolmogorovSurvival, ksTwoSample } from '../../src/metrics/index.js';

/** scipy 1.10 values, from test/fixtures/drift/make_two_sample_tests.py. */
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/drift/two-sample-tests.json', import.meta.url), 'utf8'),
) as {
  ks: { a: number[]; b: number[]; statistic: number; pValue: number }[];
  chi2: { first: number[]; second: number[]; statistic: number; pValue: number; dof: number }[];
  kolmogorov: { x: number; sf: number }[];
};

describe('two-sample tests against scipy', () => {
  it("Kolmogorov's limiting survival function matches kstwobign.sf on both series", () => {
    for (const { x, sf } of reference.kolmogorov) expect(kolmogorovSurvival(x)).toBeCloseTo(sf, 10);
  });

  it('KS statistic matches ks_2samp and the p-value its limiting form, ties included', () => {
    for (const case_ of reference.ks) {
      const result = ksTwoSample(case_.a, case_.b);
      expect(result.statistic).toBeCloseTo(case_.statistic, 12);
      expect(result.pValue).toBeCloseTo(case_.pValue, 10);
    }
  });

  it('χ² homogeneity matches chi2_contingency (Yates at one degree of freedom, empty categories out)', () => {
    for (const case_ of reference.chi2) {
      const result = chiSquaredHomogeneity(case_.first, case_.second);
      expect(result.dof).toBe(case_.dof);
      expect(result.statistic).toBeCloseTo(case_.statistic, 10);
      expect(result.pValue).toBeCloseTo(case_.pValue, 10);
    }
  });

  it('ignores missing values in KS and reads identical samples as no drift', () => {
    const a = [1, 2, 3, Number.NaN, 4];
    expect(ksTwoSample(a, [1, 2, 3, 4])).toEqual({ statistic: 0, pValue: 1 });
  });
});
