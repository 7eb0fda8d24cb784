import { readFileSync } from 'node:fs';
import { type ColumnInfo, type Features, matrixFromRows, numericFeatures } from '../../src/core/index.js';

/** The parts of test/fixtures/reference/preprocessing.json these tests read (null = NaN / missing). */
export interface ReferenceCase {
  readonly id: string;
  readonly transformer: { readonly class: string; readonly params: Readonly<Record<string, unknown>> };
  readonly input: ReferenceInput;
  readonly expected: Readonly<Record<string, unknown>>;
  readonly transform_unseen?: {
    readonly input: Readonly<Record<string, readonly (string | null)[]>>;
    readonly output?: readonly (readonly number[])[];
    readonly raises?: string;
    readonly message?: string;
  };
  readonly warnings: readonly unknown[];
}

export interface ReferenceInput {
  readonly matrix?: readonly (readonly (number | null)[])[];
  readonly columns?: readonly string[];
  readonly values?: Readonly<Record<string, readonly (number | string | null)[]>>;
  /** TfidfVectorizer cases: the raw documents. */
  readonly documents?: readonly string[];
}

export function readReferenceCases(): readonly ReferenceCase[] {
  const url = new URL('../fixtures/reference/preprocessing.json', import.meta.url);
  const fixture = JSON.parse(readFileSync(url, 'utf8')) as {
    sklearn_version: string;
    cases: ReferenceCase[];
  };
  if (fixture.sklearn_version !== '1.2.1') throw new Error(`unexpected sklearn ${fixture.sklearn_version}`);
  return fixture.cases;
}

/**
 * A fixture input as Features: a column of numbers (and nulls) is numeric; any other column is
 * categorical with its levels in order of first appearance, deliberately not sorted, so that the
 * encoders' own sorting is what the expected order checks.
 */
export function referenceFeatures(input: ReferenceInput): Features {
  if (input.matrix !== undefined) return numericFeatures(matrixFromRows(input.matrix));
  const names = input.columns ?? Object.keys(input.values ?? {});
  return featuresFromColumns(names, input.values ?? {});
}

export function featuresFromColumns(
  names: readonly string[],
  values: Readonly<Record<string, readonly (number | string | null)[]>>,
): Features {
  const rows = values[names[0]]?.length ?? 0;
  const data = new Float64Array(rows * names.length);
  const columns: ColumnInfo[] = names.map((name, j) => {
    const cells = values[name];
    if (cells.every((cell) => cell === null || typeof cell === 'number')) {
      cells.forEach((cell, i) => {
        data[i * names.length + j] = cell === null ? Number.NaN : (cell as number);
      });
      return { name, kind: 'numeric' };
    }
    const levels: string[] = [];
    cells.forEach((cell, i) => {
      if (cell === null) {
        data[i * names.length + j] = Number.NaN;
        return;
      }
      const text = String(cell);
      if (!levels.includes(text)) levels.push(text);
      data[i * names.length + j] = levels.indexOf(text);
    });
    return { name, kind: 'categorical', levels };
  });
  return { rows, cols: names.length, data, columns };
}

/** Cells as the fixtures write them: numbers, level text for categorical columns, null for missing. */
export function featuresToCells(X: Features): (number | string | null)[][] {
  return Array.from({ length: X.rows }, (_, i) =>
    X.columns.map((column, j) => {
      const x = X.data[i * X.cols + j];
      if (Number.isNaN(x)) return null;
      return column.kind === 'numeric' ? x : (column.levels?.[x] ?? `#${x}`);
    }),
  );
}
