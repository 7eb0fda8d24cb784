import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairedGain } from '../../src/metrics/paired-gain.js';

interface Case {
  after: number[];
  before: number[];
  mean: number;
  low: number;
  high: number;
}

const cases: Case[] = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'workflow', 'paired_gain.json'), 'utf8'),
);

describe('pairedGain', () => {
  it("matches scipy's t.interval over the paired fold differences", () => {
    for (const c of cases) {
      const gain = pairedGain(c.after, c.before);
      expect(gain?.mean).toBeCloseTo(c.mean, 12);
      // The t quantile is tabled to 3 decimals (scipy: 2.7764451…).
      expect(gain?.low).toBeCloseTo(c.low, 4);
      expect(gain?.high).toBeCloseTo(c.high, 4);
    }
  });

  it('skips failed folds and needs two differences', () => {
    expect(pairedGain([0.9, null], [0.8, 0.8])).toBeNull();
    expect(pairedGain([0.9, 0.8, null], [0.8, 0.7, 0.5])?.mean).toBeCloseTo(0.1, 12);
  });
});
