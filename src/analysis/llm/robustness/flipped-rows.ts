import type { Labels } from '../../../core/labels.js';

/** A row whose label changes under some variant: what each such variant answered (null: no label). */
export interface FlippedRow {
  readonly row: number;
  readonly truth: string;
  readonly baseline: string | null;
  readonly changes: readonly { readonly variant: string; readonly label: string | null }[];
}

/**
 * The rows where some variant's label differs from the baseline's (`predictions[0]`), in row order, each
 * with every variant that changed it. Codes are -1 for no label.
 */
export function flippedRowsOf(
  names: readonly string[],
  predictions: readonly Int32Array[],
  y: Labels,
): FlippedRow[] {
  const labelOf = (code: number): string | null => (code < 0 ? null : y.classes[code]);
  const flipped: FlippedRow[] = [];
  for (let row = 0; row < y.codes.length; row++) {
    const changes = names.flatMap((name, v) =>
      v > 0 && predictions[v][row] !== predictions[0][row]
        ? [{ variant: name, label: labelOf(predictions[v][row]) }]
        : [],
    );
    if (changes.length === 0) continue;
    flipped.push({ row, truth: y.classes[y.codes[row]], baseline: labelOf(predictions[0][row]), changes });
  }
  return flipped;
}
