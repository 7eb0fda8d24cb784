import type { FinalTestSection } from '../../workflow/index.js';
import { chartLabel } from './chart-label.js';
import { CHART_CONFIG, type ChartSpec, SCHEMA } from './chart-theme.js';

type Confusion = FinalTestSection['confusion'];

/** Beyond this many classes the heatmap shows the most confused ones and an "other" bucket. */
export const MAX_HEATMAP_CLASSES = 12;
/** How many classes the focused heatmap keeps. */
const FOCUS_CLASSES = 10;

/** A confusion matrix ready to draw: display names (user labels quoted) and counts. */
export interface HeatmapMatrix {
  readonly rowNames: readonly string[];
  readonly columnNames: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** Classes folded into the "other" row and column (0 when the whole matrix is drawn). */
  readonly folded: number;
}

/**
 * The matrix to draw: whole up to `MAX_HEATMAP_CLASSES` classes; beyond, the `FOCUS_CLASSES` classes
 * involved in the most errors (as true label or as prediction) and one "other" row and column summing the
 * rest, so the cells stay readable — the report lists the full matrix in a table. Extra prediction
 * columns (an LLM's unparseable, refusal, error) are always kept.
 */
export function heatmapMatrix(confusion: Confusion): HeatmapMatrix {
  const n = confusion.labels.length;
  const columns = confusion.predictedLabels ?? confusion.labels;
  const quoted = (names: readonly string[]) => names.map((name, j) => (j < n ? chartLabel(name) : name));
  if (n <= MAX_HEATMAP_CLASSES) {
    return {
      rowNames: quoted(confusion.labels),
      columnNames: quoted(columns),
      counts: confusion.counts,
      folded: 0,
    };
  }
  const errors = new Float64Array(n);
  for (const [i, row] of confusion.counts.entries()) {
    for (const [j, count] of row.entries()) {
      if (i === j) continue;
      errors[i] += count;
      if (j < n) errors[j] += count;
    }
  }

  const kept = Array.from(errors.keys())
    .sort((a, b) => errors[b] - errors[a] || a - b)
    .slice(0, FOCUS_CLASSES)
    .sort((a, b) => a - b);
  const isKept = new Set(kept);
  const keptColumns = [...kept, ...Array.from({ length: columns.length - n }, (_, k) => n + k)];
  const other = `other (${n - kept.length} classes)`;
  const foldRow = (row: readonly number[]) => [
    ...keptColumns.map((j) => row[j]),
    row.reduce((sum, count, j) => (j < n && !isKept.has(j) ? sum + count : sum), 0),
  ];
  const otherRow = new Array<number>(keptColumns.length + 1).fill(0);
  confusion.counts.forEach((row, i) => {
    if (isKept.has(i)) return;
    foldRow(row).forEach((count, j) => {
      otherRow[j] += count;
    });
  });
  return {
    rowNames: [...kept.map((i) => chartLabel(confusion.labels[i])), other],
    columnNames: [...keptColumns.map((j) => (j < n ? chartLabel(columns[j]) : columns[j])), other],
    counts: [...kept.map((i) => foldRow(confusion.counts[i])), otherRow],
    folded: n - kept.length,
  };
}

/** Heatmap of the confusion matrix: colour by the row-normalised share, text with the count and the %. */
export function confusionMatrixChart(confusion: Confusion): ChartSpec {
  const matrix = heatmapMatrix(confusion);
  const shares = matrix.counts.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total === 0 ? 0 : count / total));
  });
  const values = matrix.rowNames.flatMap((trueLabel, i) =>
    matrix.columnNames.map((predicted, j) => ({
      trueLabel,
      predicted,
      row: i,
      column: j,
      count: matrix.counts[i][j],
      share: shares[i][j],
      text: `${matrix.counts[i][j]} (${(shares[i][j] * 100).toFixed(0)}%)`,
    })),
  );
  // Wide enough for the longest "count (share%)" text, so a cell never spills into the next.
  const longest = Math.max(...values.map((value) => value.text.length));
  const cell = Math.max(56, longest * 7 + 10);
  const side = Math.min(
    Math.max(560, matrix.rowNames.length * 30),
    Math.max(160, matrix.rowNames.length * cell),
  );
  return {
    $schema: SCHEMA,
    config: CHART_CONFIG,
    width: side,
    height: side,
    data: { values },
    encoding: {
      x: {
        field: 'predicted',
        type: 'nominal',
        sort: { field: 'column', op: 'min' },
        title: 'predicted',
        axis: { labelAngle: -40, grid: false },
      },
      y: {
        field: 'trueLabel',
        type: 'nominal',
        sort: { field: 'row', op: 'min' },
        title: 'true label',
        axis: { grid: false },
      },
    },
    layer: [
      {
        mark: 'rect',
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            scale: { scheme: 'blues', domain: [0, 1] },
            title: 'share of row',
            legend: { format: '.0%' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: matrix.rowNames.length > 8 ? 8 : 11 },
        encoding: {
          text: { field: 'text', type: 'nominal' },
          color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
