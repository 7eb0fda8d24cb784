import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chiSquaredHomogeneity, kolmogorovSurvival, ksTwoSample } from '../../src/metrics/index.js';

/** scipy 1.10 values, from test/fixtures/drift/make_two_sample_tests.py. */
const reference = JSON.parse(
  readFileSync(new URL('../fixtures/drift/two-sample-tests.json', import.meta.url), 'utf8'),
) as {
  ks: { a: number[]; b: number[]; statistic: number; pValue: number }[];
  ksLarge: { a: number[]; b: number[]; statistic: number; pValue: number; limitingPValue: number };
  chi2: { first: number[]; second: number[]; statistic: number; pValue: number; dof: number }[];
  kolmogorov: { x: number; sf: number }[];
};

describe('two-sample tests against scipy', () => {
  it("Kolmogorov's limiting survival function matches kstwobign.sf on both series", () => {
    for (const { x, sf } of reference.kolmogorov) expect(kolmogorovSurvival(x)).toBeCloseTo(sf, 10);
  });

  it("KS statistic and p-value match ks_2samp's (exact method) from 7 to 9,000 values a sample, ties included", () => {
    for (const case_ of reference.ks) {
      const result = ksTwoSample(case_.a, case_.b);
      expect(result.statistic).toBeCloseTo(case_.statistic, 12);
      // Relative: the small samples' p-values go down to 1e-8.
      expect(Math.abs(result.pValue - case_.pValue)).toBeLessThanOrEqual(1e-9 * Math.max(case_.pValue, 1e-3));
    }
  });

  it('above 10,000 values a sample, uses the limiting distribution (scipy: kstwo at n·m/(n+m)), within 2 %', () => {
    const { a, b, statistic, pValue, limitingPValue } = reference.ksLarge;
    const result = ksTwoSample(a, b);
    expect(result.statistic).toBeCloseTo(statistic, 12);
    expect(result.pValue).toBeCloseTo(limitingPValue, 12);
    expect(Math.abs(result.pValue - pValue) / pValue).toBeLessThan(0.02);
  });

  it('the exact p-value is P(D ≥ d) over all splits of a tiny pooled sample (counted by enumeration)', () => {
    // 3 + 4 distinct values: every one of the C(7, 3) = 35 assignments to the first sample is equally likely.
    const pooled = [1, 2, 3, 4, 5, 6, 7];
    const observed = ksTwoSample([1, 2, 4], [3, 5, 6, 7]).statistic;
    let atLeast = 0;
    let total = 0;
    for (let i = 0; i < 7; i++)
      for (let j = i + 1; j < 7; j++)
        for (let k = j + 1; k < 7; k++) {
          const first = [pooled[i], pooled[j], pooled[k]];
          const second = pooled.filter((v) => !first.includes(v));
          total++;
          if (ksTwoSample(first, second).statistic >= observed - 1e-12) atLeast++;
        }
    expect(ksTwoSample([1, 2, 4], [3, 5, 6, 7]).pValue).toBeCloseTo(atLeast / total, 12);
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
