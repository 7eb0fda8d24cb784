import type { TopLevelSpec } from 'vega-lite';

/** Shared look: one font, no chart border, a fixed width so the page lays out the same everywhere. */
export const CHART_CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 240 },
  title: { fontSize: 13, anchor: 'start' },
} as const;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

export const COLORS = { train: '#4c78a8', cv: '#f58518', good: '#54a24b', bad: '#e45756' } as const;

export type ChartSpec = TopLevelSpec;

/** Non-finite numbers (NaN from an empty bin, a failed fold) never reach a chart. */
export function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
