import type { ColumnKind } from '../core/features.js';
import { isMissingCell, parseNumericCell } from './missing.js';

export interface KindOptions {
  /** Columns the user declared as free text. */
  readonly text?: readonly string[];
  /** Columns the user declared categorical even if their values look numeric (e.g. zip codes). */
  readonly categorical?: readonly string[];
}

/**
 * A column is numeric when every non-missing cell parses as a number; otherwise categorical, unless it
 * looks like prose (long, mostly unique values with spaces), which makes it text.
 */
export function inferColumnKind(
  name: string,
  cells: readonly string[],
  options: KindOptions = {},
): ColumnKind {
  if (options.text?.includes(name)) return 'text';
  if (options.categorical?.includes(name)) return 'categorical';
  let present = 0;
  let numeric = 0;
  let totalLength = 0;
  let withSpaces = 0;
  const distinct = new Set<string>();
  for (const cell of cells) {
    if (isMissingCell(cell)) continue;
    present++;
    if (!Number.isNaN(parseNumericCell(cell))) numeric++;
    totalLength += cell.length;
    if (cell.includes(' ')) withSpaces++;
    distinct.add(cell);
  }
  if (present === numeric) return 'numeric';
  const looksLikeProse =
    totalLength / present >= 30 && withSpaces / present >= 0.8 && distinct.size / present >= 0.5;
  return looksLikeProse ? 'text' : 'categorical';
}
