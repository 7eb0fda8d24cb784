import { type ColumnInfo, type ColumnKind, type Features, ModeldebugError } from '../core/index.js';

/** The part of a column that a fitted transformer depends on: transform refuses anything else. */
export interface ColumnSignature {
  readonly name: string;
  readonly kind: ColumnKind;
}

export function columnSignature(X: Features): ColumnSignature[] {
  return X.columns.map(({ name, kind }) => ({ name, kind }));
}

/**
 * Levels are matched by text, not by code, because a dataset loaded separately (a holdout file) numbers
 * its levels in its own order; the fitted state therefore never stores codes.
 */
export function assertColumnsMatch(
  transformer: string,
  expected: readonly ColumnSignature[],
  X: Features,
): void {
  if (X.data.length !== X.rows * X.cols || X.columns.length !== X.cols) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${transformer} got ${X.data.length} values and ${X.columns.length} column descriptions for ${X.rows} x ${X.cols}`,
    );
  }
  const names = expected.map((column) => column.name).join(', ');
  if (X.cols !== expected.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${transformer} was fitted on ${expected.length} columns but got ${X.cols}`,
      { hint: `pass the columns it was fitted on: ${names}` },
    );
  }
  expected.forEach((column, j) => {
    const actual = X.columns[j];
    if (actual.name !== column.name || actual.kind !== column.kind) {
      throw new ModeldebugError(
        'shape_mismatch',
        `${transformer} expected ${column.kind} column "${column.name}" at position ${j + 1}, got ${actual.kind} "${actual.name}"`,
        { where: `column "${actual.name}"`, hint: `pass the columns it was fitted on: ${names}` },
      );
    }
  });
}

export function levelsOf(column: ColumnInfo): readonly string[] {
  if (column.levels === undefined) {
    throw new ModeldebugError('invalid_argument', `${column.kind} column "${column.name}" has no levels`, {
      where: `column "${column.name}"`,
      hint: 'build categorical columns with their levels (the cell holds an index into them)',
    });
  }
  return column.levels;
}

/** UTF-16 code-unit order, as `sortLabelValues` in core: equal to Python's order within the BMP. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 1 for numeric columns, 0 for categorical and text ones (which numeric transforms pass through). */
export function numericMask(columns: readonly ColumnSignature[]): Uint8Array {
  return Uint8Array.from(columns, (column) => (column.kind === 'numeric' ? 1 : 0));
}
