import type { Features } from '../../core/features.js';

/** The content-free inputs of "Calibrate Before Use" (Zhao et al., 2021). */
export const CONTENT_FREE_INPUTS = ['N/A', '', '[MASK]'] as const;

/**
 * One row per content-free input, with the columns of X: every cell of row r holds input r, so the same
 * template and few-shot examples wrap it. What the model answers to them is its bias when the input
 * says nothing.
 */
export function contentFreeFeatures(X: Features): Features {
  const rows = CONTENT_FREE_INPUTS.length;
  const data = new Float64Array(rows * X.cols);
  for (let r = 0; r < rows; r++) data.fill(r, r * X.cols, (r + 1) * X.cols);
  return {
    rows,
    cols: X.cols,
    data,
    columns: X.columns.map((column) => ({
      name: column.name,
      kind: 'text' as const,
      levels: CONTENT_FREE_INPUTS,
    })),
  };
}
