import type { RegularizationSection } from '../../workflow/index.js';
import { chartLabel } from './chart-label.js';
import { CHART_CONFIG, type ChartSpec, SCHEMA } from './chart-theme.js';

/** At most this many features get a line; the rest would be an unreadable tangle. */
const MAX_LINES = 12;

/** Coefficients along C (log scale), the largest features only, with the best and the 1-SE C marked. */
export function regularizationPathChart(section: RegularizationSection): ChartSpec {
  const peak = section.featureNames.map((_, j) =>
    Math.max(...section.coefficients.map((row) => Math.abs(row[j]))),
  );
  const shown = peak
    .map((value, j) => ({ value, j }))
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_LINES)
    .map(({ j }) => j);
  const values = section.cs.flatMap((C, c) =>
    shown.map((j) => ({
      C,
      feature: chartLabel(section.featureNames[j]),
      coefficient: section.coefficients[c][j],
    })),
  );
  const marks =
    section.best.C === section.oneStandardError.C
      ? [{ C: section.best.C, choice: 'best C = 1-SE C' }]
      : [
          { C: section.best.C, choice: 'best C' },
          { C: section.oneStandardError.C, choice: '1-SE C' },
        ];
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: 420,
    height: 280,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: { size: 14 } },
        encoding: {
          x: {
            field: 'C',
            type: 'quantitative',
            scale: { type: 'log' },
            title: 'C (smaller = stronger penalty)',
          },
          y: {
            field: 'coefficient',
            type: 'quantitative',
            title:
              section.coefficientKind === 'signed' ? 'coefficient' : 'largest |coefficient| over classes',
          },
          color: { field: 'feature', type: 'nominal', title: 'feature' },
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#555' },
        encoding: { x: { field: 'C', type: 'quantitative' } },
      },
      {
        data: { values: marks },
        mark: { type: 'text', align: 'left', dx: 3, dy: -4, color: '#555', y: 0 },
        encoding: { x: { field: 'C', type: 'quantitative' }, text: { field: 'choice', type: 'nominal' } },
      },
    ],
  };
}
