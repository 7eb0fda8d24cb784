import { existsSync, readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { ModeldebugError } from '../core/errors.js';
import type { ColumnInfo } from '../core/features.js';
import { encodeLabels } from '../core/labels.js';
import { inferColumnKind, type KindOptions } from './column-kinds.js';
import type { Dataset } from './dataset.js';
import { isMissingCell, parseNumericCell } from './missing.js';

export interface LoadOptions extends KindOptions {
  /** The label column's name. */
  readonly label: string;
  /** Columns to leave out of the features (IDs, leaks). */
  readonly drop?: readonly string[];
  /** How `source` reads in messages, when not the path itself. */
  readonly sourceName?: string;
}

/**
 * Reads a delimited text file into a Dataset. A simple papaparse reader: the whole file is held in memory
 * as text, so it suits files up to a few hundred MB.
 */
export function loadCsv(path: string, options: LoadOptions): Dataset {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ModeldebugError('file_not_found', `no such data file: ${path}`, {
      where: path,
      hint: 'check the path, or use --example iris|wine|breast_cancer|digits',
    });
  }
  const text = readFileSync(path, 'utf8');
  return parseCsvText(text, { ...options, sourceName: options.sourceName ?? path });
}

export function parseCsvText(text: string, options: LoadOptions): Dataset {
  const source = options.sourceName ?? '<text>';
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimiter: '',
  });
  const fatal = parsed.errors.find((error) => error.type === 'Quotes');
  if (fatal) {
    throw new ModeldebugError('parse_error', fatal.message, {
      where: `${source}:${(fatal.row ?? 0) + 1}`,
      hint: 'close the quoted field or escape its quotes by doubling them',
    });
  }
  const [header, ...rows] = parsed.data;
  if (!header || rows.length === 0) {
    throw new ModeldebugError('parse_error', 'the file has no data rows', {
      where: source,
      hint: 'give a CSV file with a header row and at least one data row',
    });
  }
  const names = header.map((name) => name.trim());
  checkRowWidths(rows, names.length, source);

  const labelIndex = names.indexOf(options.label);
  if (labelIndex < 0) {
    throw new ModeldebugError('missing_column', `label column "${options.label}" not found`, {
      where: source,
      hint: `columns are: ${names.join(', ')}; pass one of them with --label`,
    });
  }
  for (const dropped of options.drop ?? []) {
    if (!names.includes(dropped)) {
      throw new ModeldebugError('missing_column', `column "${dropped}" given to --drop not found`, {
        where: source,
        hint: `columns are: ${names.join(', ')}`,
      });
    }
  }
  const featureIndices = names
    .map((_, j) => j)
    .filter((j) => j !== labelIndex && !options.drop?.includes(names[j]));

  const labelCells = rows.map((row, i) => {
    const cell = row[labelIndex].trim();
    if (isMissingCell(cell)) {
      throw new ModeldebugError('missing_values', `missing label in column "${options.label}"`, {
        where: `${source}:${i + 2}`,
        hint: 'remove unlabelled rows (modeldebug clean) or fill in their labels',
      });
    }
    return cell;
  });
  const labels = encodeLabels(labelCells);

  const nRows = rows.length;
  const nCols = featureIndices.length;
  const data = new Float64Array(nRows * nCols);
  const columns: ColumnInfo[] = featureIndices.map((sourceIndex, j) => {
    const cells = rows.map((row) => row[sourceIndex]);
    const name = names[sourceIndex];
    const kind = inferColumnKind(name, cells, options);
    if (kind === 'numeric') {
      for (let i = 0; i < nRows; i++) data[i * nCols + j] = parseNumericCell(cells[i]);
      return { name, kind };
    }
    const levels = new Map<string, number>();
    for (let i = 0; i < nRows; i++) {
      const cell = cells[i];
      if (isMissingCell(cell)) {
        data[i * nCols + j] = Number.NaN;
        continue;
      }
      let code = levels.get(cell);
      if (code === undefined) {
        code = levels.size;
        levels.set(cell, code);
      }
      data[i * nCols + j] = code;
    }
    return { name, kind, levels: [...levels.keys()] };
  });
  return {
    source,
    labelColumn: options.label,
    features: { rows: nRows, cols: nCols, data, columns },
    labels,
  };
}

function checkRowWidths(rows: readonly string[][], width: number, source: string): void {
  rows.forEach((row, i) => {
    if (row.length !== width) {
      throw new ModeldebugError('parse_error', `row has ${row.length} fields, the header has ${width}`, {
        where: `${source}:${i + 2}`,
        hint: 'quote fields that contain the delimiter, or fix the row',
      });
    }
  });
}
