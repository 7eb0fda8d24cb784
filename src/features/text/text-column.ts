import { ModeldebugError } from '../../core/errors.js';
import type { Features } from '../../core/features.js';
import { levelsOf } from '../columns.js';

/**
 * The column a text vectoriser reads: the named one, else the only text column. Other categorical or
 * text columns have no numeric meaning next to term weights, so they are refused, not passed through.
 */
export function textColumnIndex(X: Features, requested: string | null, transformer: string): number {
  const candidates = X.columns.flatMap((column, j) => (column.kind === 'text' ? [j] : []));
  let j: number;
  if (requested !== null) {
    j = X.columns.findIndex((column) => column.name === requested);
    if (j < 0 || X.columns[j].kind === 'numeric') {
      throw new ModeldebugError(
        'missing_column',
        `${transformer} has no text column "${requested}" to vectorise`,
        {
          where: 'param column',
          hint:
            candidates.length > 0
              ? `text columns: ${candidates.map((c) => X.columns[c].name).join(', ')}`
              : 'mark the column as text with --text COLUMN',
        },
      );
    }
  } else if (candidates.length === 1) j = candidates[0];
  else {
    throw new ModeldebugError(
      'invalid_argument',
      candidates.length === 0
        ? `${transformer} needs a text column, and the data has none`
        : `${transformer} vectorises one text column, and the data has ${candidates.length}`,
      {
        hint:
          candidates.length === 0
            ? 'mark the column as text with --text COLUMN'
            : `name one with ${transformer === 'tfidf-vectorizer' ? 'tfidf' : transformer}(column=NAME), and drop the others with --drop`,
      },
    );
  }
  const other = X.columns.find((column, k) => k !== j && column.kind !== 'numeric');
  if (other) {
    throw new ModeldebugError(
      'non_numeric_feature',
      `${transformer} passes numeric columns through, but "${other.name}" is ${other.kind}`,
      { where: `column "${other.name}"`, hint: `drop it with --drop "${other.name}"` },
    );
  }
  return j;
}

/** The documents of column j: the text of each row's level, '' for a missing cell. */
export function documentsOf(X: Features, j: number): string[] {
  const levels = levelsOf(X.columns[j]);
  const out = new Array<string>(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const code = X.data[i * X.cols + j];
    out[i] = Number.isNaN(code) ? '' : levels[code];
  }
  return out;
}
