import type { ColumnInfo, Matrix } from '../core/index.js';
import { compareText, levelsOf } from './columns.js';

/** A category is a level's text; null is the missing value, its own category as in sklearn. */
export type Category = string | null;

/** sklearn's `get_feature_names_out`: `<column>_<category>`, with a missing value named `nan`. */
export function categoryName(column: string, category: Category): string {
  return `${column}_${category ?? 'nan'}`;
}

/** The categories that occur in column j's rows, sorted as text, with null (missing) last if present. */
export function observedCategories(X: Matrix, j: number, column: ColumnInfo): Category[] {
  const levels = levelsOf(column);
  const seen = new Uint8Array(levels.length);
  let missing = false;
  for (let i = 0; i < X.rows; i++) {
    const code = X.data[i * X.cols + j];
    if (Number.isNaN(code)) missing = true;
    else seen[code] = 1;
  }
  const found: Category[] = levels.filter((_, code) => seen[code] === 1).sort(compareText);
  if (missing) found.push(null);
  return found;
}

/**
 * For each level code of `column` (which may number its levels differently from the training data), the
 * position of its output column within the block: -1 unknown, -2 the dropped category. The last entry
 * is for a missing value.
 */
export function slotsForLevels(
  column: ColumnInfo,
  categories: readonly Category[],
  dropIndex: number,
): Int32Array {
  const position = new Map<Category, number>();
  let next = 0;
  categories.forEach((category, k) => {
    position.set(category, k === dropIndex ? -2 : next++);
  });
  const levels = levelsOf(column);
  const slots = new Int32Array(levels.length + 1);
  levels.forEach((level, code) => {
    slots[code] = position.get(level) ?? -1;
  });
  slots[levels.length] = position.get(null) ?? -1;
  return slots;
}

/** The slot of one cell: missing values use the last entry; a code outside the levels is unknown. */
export function slotOf(slots: Int32Array, code: number): number {
  if (Number.isNaN(code)) return slots[slots.length - 1];
  return Number.isInteger(code) && code >= 0 && code < slots.length - 1 ? slots[code] : -1;
}
