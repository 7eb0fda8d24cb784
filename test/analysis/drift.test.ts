import { describe, expect, it } from 'vitest';
import {
  DOMAIN_AUC_DRIFT,
  domainClassifierAuc,
  driftFindings,
  featureDrift,
} from '../../src/analysis/index.js';
import type { Features } from '../../src/core/features.js';
import { createRng } from '../../src/core/rng.js';

/** Two numeric columns and a colour; `shift` moves x0 by that many σ and makes red rarer. */
function sample(rows: number, shift: number, seed: number): Features {
  const rng = createRng(seed);
  const data = new Float64Array(rows * 3);
  for (let i = 0; i < rows; i++) {
    data[i * 3] = rng.normal() + shift;
    data[i * 3 + 1] = rng.normal();
    data[i * 3 + 2] = rng.next() < (shift > 0 ? 0.1 : 1 / 3) ? 0 : 1 + rng.int(2);
  }
  return {
    rows,
    cols: 3,
    data,
    columns: [
      { name: 'x0', kind: 'numeric' },
      { name: 'x1', kind: 'numeric' },
      { name: 'colour', kind: 'categorical', levels: ['red', 'green', 'blue'] },
    ],
  };
}

describe('train/test drift', () => {
  it('names the shifted numeric and categorical columns, not the unchanged one', async () => {
    const train = sample(600, 0, 1);
    const test = sample(300, 1, 2);
    const tests = featureDrift(train, test);
    expect(tests.map((t) => [t.column, t.test])).toEqual([
      ['x0', 'ks'],
      ['x1', 'ks'],
      ['colour', 'chi2'],
    ]);
    expect(tests.filter((t) => t.drifted).map((t) => t.column)).toEqual(['x0', 'colour']);
    const domain = await domainClassifierAuc(train, test);
    // A 1 σ shift alone allows AUC Φ(1/√2) ≈ 0.76 at best; boosting on 900 rows gets most of it.
    expect(domain?.auc).toBeGreaterThan(DOMAIN_AUC_DRIFT);
    const [finding] = driftFindings(tests, domain);
    expect(finding).toMatchObject({ code: 'feature_drift', columns: ['x0', 'colour'] });
    expect(finding.message).toMatch(/AUC 0\.\d\d/);
  });

  it('raises nothing when both files come from the same distribution', async () => {
    const train = sample(600, 0, 3);
    const test = sample(300, 0, 4);
    const tests = featureDrift(train, test);
    expect(tests.some((t) => t.drifted)).toBe(false);
    const domain = await domainClassifierAuc(train, test);
    expect(domain?.auc).toBeLessThan(DOMAIN_AUC_DRIFT);
    expect(driftFindings(tests, domain)).toEqual([]);
  });

  it('matches categories by their text, whatever code each file gave them', () => {
    const train = sample(300, 0, 5);
    const test = sample(300, 0, 5);
    // Same cells, the test file's levels listed in another order and its codes rewritten to match.
    const reordered: Features = {
      ...test,
      data: Float64Array.from(test.data, (v, k) => (k % 3 === 2 ? [2, 0, 1][v] : v)),
      columns: [test.columns[0], test.columns[1], { ...test.columns[2], levels: ['green', 'blue', 'red'] }],
    };
    const [, , colour] = featureDrift(train, reordered);
    expect(colour.distance).toBe(0);
    expect(colour.pValue).toBe(1);
  });
});
