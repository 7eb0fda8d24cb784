import { ModeldebugError } from '../core/errors.js';
import type { KindOptions } from './column-kinds.js';
import type { Dataset } from './dataset.js';
import { withDuckSession } from './duck/duck-session.js';
import { readFeatures, readLabels } from './duck/read-matrix.js';
import { stageFile } from './duck/stage-table.js';

export interface LoadOptions extends KindOptions {
  /** The label column's name. */
  readonly label: string;
  /** Columns to leave out of the features (IDs, leaks). */
  readonly drop?: readonly string[];
  /** How `source` reads in messages, when not the path itself. */
  readonly sourceName?: string;
}

/**
 * Reads a CSV / TSV (optionally .gz), JSON, JSONL or Parquet file into a Dataset through DuckDB: the
 * format follows the extension; a delimited file's delimiter is detected from its header row; every
 * column is typed over all rows (numeric when every non-missing cell is a number).
 */
export async function loadDataset(path: string, options: LoadOptions): Promise<Dataset> {
  return withDuckSession(async (session) => {
    const staged = await stageFile(session, path, {
      ...options,
      table: 'data',
      required: (options.drop ?? []).map((name) => ({ name, flag: '--drop' })),
    });
    const label = staged.columns.find((column) => column.kind === 'label')!;
    if (label.missing > 0) {
      const [[row]] = await session.rows(`SELECT min(rowid) FROM data WHERE ${label.sql} IS NULL`);
      throw new ModeldebugError('missing_values', `missing label in column "${options.label}"`, {
        where: `${staged.source}:${lineOf(Number(row), staged.format)}`,
        hint: 'remove unlabelled rows (modeldebug clean --drop-missing) or fill in their labels',
      });
    }
    const featureColumns = staged.columns.filter(
      (column) => column.kind !== 'label' && !options.drop?.includes(column.name),
    );
    const features = await readFeatures(session, staged, featureColumns);
    const labels = await readLabels(session, staged, label);
    return { source: staged.source, labelColumn: options.label, features, labels };
  });
}

/**
 * The file line of a 0-based data row: CSV has its header on line 1 (exact unless quoted fields span
 * lines); JSONL has one record per line; other formats have no lines, so the 1-based row is given.
 */
export function lineOf(row: number, format: string): string {
  if (format === 'csv' || format === 'tsv') return String(row + 2);
  if (format === 'jsonl') return String(row + 1);
  return `row ${row + 1}`;
}
