import { ModeldebugError } from '../../core/errors.js';

export type FileFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'parquet';

const EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
};

export interface FileKind {
  readonly format: FileFormat;
  readonly gzip: boolean;
}

/** The format follows the extension (a trailing `.gz` means gzip-compressed text). */
export function fileKindOf(path: string): FileKind {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const stem = gzip ? lower.slice(0, -3) : lower;
  const extension = stem.slice(stem.lastIndexOf('.') + 1);
  const format = EXTENSIONS[extension];
  if (!format || (gzip && format === 'parquet')) {
    throw new ModeldebugError('unsupported', `cannot tell the format of ${path} from its extension`, {
      where: path,
      hint: 'name it .csv, .tsv, .json, .jsonl or .parquet (text formats may end in .gz)',
    });
  }
  return { format, gzip };
}

export function isDelimited(format: FileFormat): boolean {
  return format === 'csv' || format === 'tsv';
}

/**
 * DuckDB's default cap on a CSV line is 2 MB, but a long quoted text (a whole document in a cell) is
 * valid CSV: lines may be this long.
 */
export const MAX_LINE_BYTES = 16 << 20;
