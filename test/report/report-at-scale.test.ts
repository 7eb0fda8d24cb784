import { describe, expect, it } from 'vitest';
import { heatmapMatrix, MAX_HEATMAP_CLASSES } from '../../src/report/charts/confusion-matrix-chart.js';
import { MAX_CLASS_CURVES, rocChart } from '../../src/report/charts/probability-charts.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { perClassTable } from '../../src/report/sections/final-test-tables.js';
import type { FinalTestSection } from '../../src/workflow/index.js';

const CLASSES = 59;
const labels = Array.from({ length: CLASSES }, (_, k) => String(k + 1));

/** 10 correct rows per class; class k (k < 15) also sends k rows to class k + 1: the planted confusions. */
function plantedConfusion(): FinalTestSection['confusion'] {
  const counts = labels.map((_, i) => labels.map((_, j): number => (i === j ? 10 : 0)));
  for (let k = 0; k < 15; k++) counts[k][k + 1] = k;
  const rowNormalised = counts.map((row) => row.map((count) => count / row.reduce((a, b) => a + b, 0)));
  return { labels, counts, rowNormalised };
}

const sum = (rows: readonly (readonly number[])[]) => rows.flat().reduce((a, b) => a + b, 0);

describe('the report at 59 classes', () => {
  it('draws the most confused classes and sums the rest in "other", keeping every row', () => {
    const confusion = plantedConfusion();
    const matrix = heatmapMatrix(confusion);
    expect(matrix.folded).toBe(CLASSES - 10);
    expect(matrix.rowNames).toHaveLength(11);
    expect(matrix.rowNames.at(-1)).toBe('other (49 classes)');
    // Errors per class: k − 1 received + k sent; the 10 largest are classes 7…16 (codes 6…15).
    expect(matrix.rowNames.slice(0, 10)).toEqual(labels.slice(6, 16).map((label) => `'${label}'`));
    expect(sum(matrix.counts)).toBe(sum(confusion.counts));
    for (const [r, code] of [6, 7, 15].entries()) {
      const kept = matrix.rowNames.indexOf(`'${labels[code]}'`);
      expect(sum([matrix.counts[kept]]), `row ${r}`).toBe(sum([confusion.counts[code]]));
    }
    const small = { ...confusion, labels: labels.slice(0, MAX_HEATMAP_CLASSES) };
    expect(heatmapMatrix(small).folded).toBe(0);
  });

  it('draws the worst ROC curves of many classes with the macro and micro averages', async () => {
    const curves = labels.slice(0, 20).map((label, k) => ({
      label,
      roc: { fpr: [0, 0.5, 1], tpr: [0, 0.5 + k / 50, 1], auc: 0.5 + k / 100 },
      pr: { precision: [1, 0.5], recall: [0, 1], averagePrecision: 0.5 },
    }));
    const micro = { ...curves[0], label: 'micro-average', roc: { fpr: [0, 1], tpr: [0, 1], auc: 0.9 } };
    const svg = (await renderSvg(rocChart(curves, micro))).replaceAll('&#39;', "'");
    // Each legend entry is in the SVG twice (its text and its aria label).
    const legend = [...new Set([...svg.matchAll(/'(\d+)' \(AUC/g)].map((m) => m[1]))];
    expect(legend.sort()).toEqual(['1', '2', '3', '4', '5', '6'].slice(0, MAX_CLASS_CURVES));
    expect(svg).toContain('macro-average (AUC 0.595)');
    expect(svg).toContain('micro-average (AUC 0.900)');
  });

  it('marks classes without test rows instead of scoring them 0', () => {
    const perClass = labels.map((label, k) => ({
      label,
      precision: 0,
      recall: 0,
      f1: 0,
      support: k < 2 ? 0 : 5,
    }));
    const html = perClassTable({ perClass } as unknown as FinalTestSection).value.replaceAll('&#39;', "'");
    expect(html).toContain("2 classes have no test rows and are not scored: '1', '2'.");
    expect(html).toContain(
      '<td>1 <span class="muted">(no test rows: not scored)</span></td><td class="num">–</td>',
    );
    expect(html).toContain('<td>3</td><td class="num">0.000</td>');
  });
});
