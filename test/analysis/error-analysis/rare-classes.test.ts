import { describe, expect, it } from 'vitest';
import { analyseErrors } from '../../../src/analysis/index.js';
import { buildModel } from '../../../src/catalog/index.js';
import { loadExample } from '../../../src/data/index.js';

const iris = await loadExample('iris');

describe('error analysis with a class too small for the folds', () => {
  it('analyses the other classes instead of giving up, naming rows of the whole dataset', async () => {
    // Row 149 becomes the only row of a fourth class: 5-fold stratified CV cannot score it.
    const codes = Int32Array.from(iris.labels.codes);
    codes[149] = 3;
    const dataset = { ...iris, labels: { classes: [...iris.labels.classes, 'rare'], codes } };
    const analysis = await analyseErrors(buildModel([{ name: 'logreg', params: {} }]), dataset, {
      shuffle: true,
    });
    expect(analysis.classesLeftOut).toEqual([{ label: 'rare', rows: 1 }]);
    expect(analysis.protocol.description).toMatch(/left out: rare \(1 row\)/);
    for (const row of analysis.misclassified) {
      expect(row.row).not.toBe(149);
      // Rows index the input dataset: the true label quoted is the row's label there.
      expect(row.trueLabel).toBe(dataset.labels.classes[codes[row.row]]);
    }
  });

  it('keeps confident mistakes and suspected label errors apart', async () => {
    const codes = Int32Array.from(iris.labels.codes);
    for (const row of [10, 30, 60, 120]) codes[row] = (codes[row] + 1) % 3;
    const analysis = await analyseErrors(buildModel([{ name: 'logreg', params: {} }]), {
      ...iris,
      labels: { classes: iris.labels.classes, codes },
    });
    const suspects = new Set(analysis.suspectedLabelErrors.map((suspect) => suspect.row));
    expect(suspects.size).toBeGreaterThan(0);
    for (const mistake of analysis.confidentMistakes) expect(suspects.has(mistake.row)).toBe(false);
    expect(analysis.confidentMistakes.length + suspects.size).toBeLessThanOrEqual(
      analysis.misclassified.length,
    );
  });
});
