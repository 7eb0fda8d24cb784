import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { microAverageCurves } from '../../../src/analysis/index.js';

const fixture = JSON.parse(
  readFileSync(
    join(
      dirname(fileURLToPath(import.meta.url)),
      '..',
      '..',
      'fixtures',
      'micro-average',
      'micro-average.json',
    ),
    'utf8',
  ),
) as { y: number[]; proba: number[][]; micro_roc_auc: number; micro_average_precision: number };

describe('micro-averaged ROC and PR curves', () => {
  it("match scikit-learn's roc_auc_score and average_precision_score with average='micro'", () => {
    const proba = { rows: fixture.proba.length, cols: 4, data: Float64Array.from(fixture.proba.flat()) };
    const curves = microAverageCurves(Int32Array.from(fixture.y), proba, 'micro-average');
    expect(curves.roc.auc).toBeCloseTo(fixture.micro_roc_auc, 12);
    expect(curves.pr.averagePrecision).toBeCloseTo(fixture.micro_average_precision, 12);
    expect(curves.label).toBe('micro-average');
  });
});
