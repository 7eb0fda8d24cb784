import type { ColumnInfo, Features } from '../core/features.js';
import {
  type DateOrder,
  detectValueFormat,
  type NumberStyle,
  parseDateValue,
  parseFormattedNumber,
} from './value-formats.js';

/**
 * What `run` does to a categorical column before any model sees it, decided on the training file and
 * applied the same way to the test file: dates become numeric parts, formatted numbers become numbers,
 * identifiers are left out, and very many categories are capped (the rare ones grouped) so that one-hot
 * encoding stays narrow.
 */
export type ColumnRepair =
  | { readonly action: 'date-parts'; readonly column: string; readonly order: DateOrder }
  | { readonly action: 'parse-number'; readonly column: string; readonly style: NumberStyle }
  | { readonly action: 'drop-identifier'; readonly column: string; readonly distinct: number }
  | {
      readonly action: 'cap-categories';
      readonly column: string;
      readonly distinct: number;
      /** The categories kept, most frequent first; every other value becomes `OTHER_CATEGORY`. */
      readonly kept: readonly string[];
    };

export interface RepairOptions {
  /** Most one-hot columns a categorical column may produce; default 100 (validate's maxCategories). */
  readonly maxCategories?: number;
  /** Identifier detection needs at least this many present values; default 20. */
  readonly idLikeMinRows?: number;
}

/** The level rare categories are grouped under (a capped column's `kept` never contains it). */
export const OTHER_CATEGORY = '(other)';

/** The parts a date column becomes: calendar parts for seasonality, days since 1970 for trends. */
export const DATE_PARTS = ['year', 'month', 'day', 'weekday', 'dayofyear', 'epochdays'] as const;

const DAY_MS = 86_400_000;

export function planFeatureRepairs(features: Features, options: RepairOptions = {}): ColumnRepair[] {
  const maxCategories = options.maxCategories ?? 100;
  const idLikeMinRows = options.idLikeMinRows ?? 20;
  return features.columns.flatMap((column, j): ColumnRepair[] => {
    if (column.kind !== 'categorical') return [];
    const levels = column.levels ?? [];
    const format = detectValueFormat(levels);
    if (format.kind === 'date') return [{ action: 'date-parts', column: column.name, order: format.order }];
    if (format.kind === 'number')
      return [{ action: 'parse-number', column: column.name, style: format.style }];
    const counts = levelCounts(features, j, levels.length);
    const present = counts.reduce((a, b) => a + b, 0);
    if (present >= idLikeMinRows && levels.length >= 0.9 * present)
      return [{ action: 'drop-identifier', column: column.name, distinct: levels.length }];
    if (levels.length <= maxCategories) return [];
    const byFrequency = levels.map((_, code) => code).sort((a, b) => counts[b] - counts[a] || a - b);
    const kept = byFrequency
      .slice(0, maxCategories - 1)
      .map((code) => levels[code])
      .filter((level) => level !== OTHER_CATEGORY);
    return [{ action: 'cap-categories', column: column.name, distinct: levels.length, kept }];
  });
}

/** `features` with the repairs applied by column name (columns a repair does not name are unchanged). */
export function applyFeatureRepairs(features: Features, repairs: readonly ColumnRepair[]): Features {
  if (repairs.length === 0) return features;
  const byColumn = new Map(repairs.map((repair) => [repair.column, repair]));
  const outputs: { column: ColumnInfo; values: (row: number) => number }[] = [];
  const { rows, cols, data } = features;
  features.columns.forEach((column, j) => {
    const cell = (row: number) => data[row * cols + j];
    const repair = column.kind === 'categorical' ? byColumn.get(column.name) : undefined;
    if (repair === undefined) {
      outputs.push({ column, values: cell });
      return;
    }
    const levels = column.levels ?? [];
    const read = (row: number) => {
      const code = cell(row);
      return Number.isNaN(code) ? undefined : levels[code];
    };
    if (repair.action === 'drop-identifier') return;
    if (repair.action === 'parse-number') {
      const parsed = levels.map((level) => parseFormattedNumber(level, repair.style));
      outputs.push({
        column: { name: column.name, kind: 'numeric' },
        values: (row) => (Number.isNaN(cell(row)) ? Number.NaN : parsed[cell(row)]),
      });
      return;
    }
    if (repair.action === 'cap-categories') {
      const keptCode = new Map(repair.kept.map((level, code) => [level, code]));
      const other = repair.kept.length;
      outputs.push({
        column: { name: column.name, kind: 'categorical', levels: [...repair.kept, OTHER_CATEGORY] },
        values: (row) => {
          const level = read(row);
          return level === undefined ? Number.NaN : (keptCode.get(level) ?? other);
        },
      });
      return;
    }
    const times = levels.map((level) => parseDateValue(level, repair.order));
    const time = (row: number) => (Number.isNaN(cell(row)) ? Number.NaN : times[cell(row)]);
    for (const part of DATE_PARTS) {
      outputs.push({
        column: { name: `${column.name}.${part}`, kind: 'numeric' },
        values: (row) => datePart(time(row), part),
      });
    }
  });
  const width = outputs.length;
  const out = new Float64Array(rows * width);
  outputs.forEach(({ values }, k) => {
    for (let i = 0; i < rows; i++) out[i * width + k] = values(i);
  });
  return { rows, cols: width, data: out, columns: outputs.map(({ column }) => column) };
}

function datePart(time: number, part: (typeof DATE_PARTS)[number]): number {
  if (Number.isNaN(time)) return Number.NaN;
  const date = new Date(time);
  switch (part) {
    case 'year':
      return date.getUTCFullYear();
    case 'month':
      return date.getUTCMonth() + 1;
    case 'day':
      return date.getUTCDate();
    case 'weekday':
      // Monday = 0, as pandas' dayofweek.
      return (date.getUTCDay() + 6) % 7;
    case 'dayofyear':
      return Math.floor((time - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
    case 'epochdays':
      return time / DAY_MS;
  }
}

function levelCounts(features: Features, j: number, levels: number): Int32Array {
  const counts = new Int32Array(levels);
  for (let i = 0; i < features.rows; i++) {
    const code = features.data[i * features.cols + j];
    if (!Number.isNaN(code)) counts[code]++;
  }
  return counts;
}

/** One line per repair, for the report: what happened to which column. */
export function describeRepair(repair: ColumnRepair): string {
  switch (repair.action) {
    case 'date-parts':
      return `"${repair.column}" holds dates: turned into ${DATE_PARTS.map((part) => `${repair.column}.${part}`).join(', ')}`;
    case 'parse-number':
      return `"${repair.column}" holds ${repair.style === 'thousands-comma' ? 'numbers with thousands separators' : 'numbers with decimal commas'}: read as numbers`;
    case 'drop-identifier':
      return `"${repair.column}" has a different value on nearly every row (${repair.distinct}): left out as an identifier`;
    case 'cap-categories':
      return `"${repair.column}" has ${repair.distinct} categories: the ${repair.kept.length} most frequent kept, the rest grouped as "${OTHER_CATEGORY}"`;
  }
}
