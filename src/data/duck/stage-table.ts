import { ModeldebugError } from '../../core/errors.js';
import type { ColumnKind } from '../../core/features.js';
import { inferColumnKind, type KindOptions } from '../column-kinds.js';
import type { DuckSession } from './duck-session.js';
import type { FileFormat } from './file-format.js';
import { asTextSql, isNumericType, profileFile, type TextColumnProfile } from './profile-columns.js';
import { type FileSource, openFileSource } from './source-sql.js';
import { sqlIdent, sqlString } from './sql-literals.js';
import { translateReadError } from './translate-error.js';

/** A column of the staged table: its name in the file and its typed column in DuckDB. */
export interface StagedColumn {
  readonly name: string;
  /** Quoted identifier in the staged table (c0, c1, … in file order). */
  readonly sql: string;
  /** 'label' for the label column: trimmed text, kept apart from the features. */
  readonly kind: ColumnKind | 'label';
  /** Cells read as missing (NULL in the staged table). */
  readonly missing: number;
  /** Statistics of the raw text, when the file stored the column as text. */
  readonly profile: TextColumnProfile | undefined;
}

/**
 * A file loaded into a DuckDB table: numeric columns as DOUBLE, the rest as text, missing markers as
 * NULL. The table's `rowid` is the 0-based data row (DuckDB keeps insertion order).
 */
export interface StagedTable {
  readonly table: string;
  readonly source: string;
  readonly format: FileFormat;
  readonly rows: number;
  readonly columns: readonly StagedColumn[];
}

export interface StageOptions extends KindOptions {
  /** Table name to create. */
  readonly table: string;
  readonly label?: string;
  /** Columns that must exist (e.g. those given to --drop), with the flag that named them. */
  readonly required?: readonly { readonly name: string; readonly flag: string }[];
  readonly sourceName?: string;
  /**
   * Keep each cell's text instead of parsing numbers (missing markers still become NULL): cleaning
   * writes values back exactly as the file spelled them. Kinds are inferred all the same.
   */
  readonly keepText?: boolean;
}

export async function stageFile(
  session: DuckSession,
  path: string,
  options: StageOptions,
): Promise<StagedTable> {
  const file = await openFileSource(session, path, options.sourceName);
  checkColumnsExist(file, options);
  await allowForWidth(session, file.names.length);
  const profile = await profileFile(session, file);
  if (profile.rows === 0) {
    throw new ModeldebugError('parse_error', 'the file has a header row but no data rows', {
      where: file.source,
      hint: 'give a file with at least one data row',
    });
  }
  const columns = file.names.map((name, j): StagedColumn => {
    const text = profile.text[j];
    const kind = name === options.label ? 'label' : inferColumnKind(name, text, profile.rows, options);
    return { name, sql: sqlIdent(`c${j}`), kind, missing: text?.missing ?? 0, profile: text };
  });
  const keepText = options.keepText ?? false;
  const parsed =
    !keepText && file.retyped ? await createParsed(session, file, columns, options.table) : false;
  if (!parsed) {
    const selects = columns.map(
      (column, j) => `${stagedExpression(file, j, column, keepText)} AS ${column.sql}`,
    );
    try {
      await session.run(`CREATE TABLE ${options.table} AS SELECT ${selects.join(', ')} FROM ${file.fromSql}`);
    } catch (error) {
      throw translateReadError(error, file.source);
    }
  }
  const withMissing = await countTypedMissing(session, options.table, columns);
  return {
    table: options.table,
    source: file.source,
    format: file.format,
    rows: profile.rows,
    columns: withMissing,
  };
}

/**
 * The fast path for delimited files: DuckDB's reader parses the numeric columns as DOUBLE itself and
 * reads every missing spelling the profile saw as NULL, instead of materialising text and casting it.
 * False when the reader refuses a cell our cast accepts (e.g. padded numbers): the caller then casts.
 */
async function createParsed(
  session: DuckSession,
  file: FileSource,
  columns: readonly StagedColumn[],
  table: string,
): Promise<boolean> {
  const direct = columns.map((column) => column.kind === 'numeric' && !column.profile?.infinities);
  const types = columns.map((_, j) => (direct[j] ? 'DOUBLE' : 'VARCHAR'));
  const nullStrings = [
    ...new Set(['', ...columns.flatMap((column) => Object.keys(column.profile?.markers ?? {}))]),
  ];
  const selects = columns.map((column, j) => {
    if (direct[j]) return `${file.columnSql[j]} AS ${column.sql}`;
    return `${stagedExpression(file, j, column, false)} AS ${column.sql}`;
  });
  try {
    await session.run(
      `CREATE TABLE ${table} AS SELECT ${selects.join(', ')} FROM ${file.retyped!(types, nullStrings)}`,
    );
    return true;
  } catch {
    await session.run(`DROP TABLE IF EXISTS ${table}`);
    return false;
  }
}

function checkColumnsExist(file: FileSource, options: StageOptions): void {
  const wanted = [
    ...(options.label === undefined ? [] : [{ name: options.label, flag: '--label' }]),
    ...(options.required ?? []),
  ];
  for (const { name, flag } of wanted) {
    if (file.names.includes(name)) continue;
    const what = flag === '--label' ? `label column "${name}"` : `column "${name}" given to ${flag}`;
    throw new ModeldebugError('missing_column', `${what} not found`, {
      where: file.source,
      hint: `columns are: ${file.names.join(', ')}${flag === '--label' ? '; pass one of them with --label' : ''}`,
    });
  }
}

function stagedExpression(file: FileSource, j: number, column: StagedColumn, keepText: boolean): string {
  const text = asTextSql(file.columnSql[j], file.types[j]);
  const markers = Object.keys(column.profile?.markers ?? {});
  if (column.profile === undefined && column.kind === 'numeric') {
    if (keepText) return file.columnSql[j];
    // A number column of a Parquet / JSON file: NaN is how those formats spell missing.
    return `nullif(CAST(${file.columnSql[j]} AS DOUBLE), 'NaN'::DOUBLE)`;
  }
  // Missing markers other than NaN spellings fail the number cast; 'nan' / '-nan' cast to NaN, which
  // is missing too (DuckDB's NaN equals NaN, so nullif catches every spelling).
  if (column.kind === 'numeric' && !keepText) {
    const number = `TRY_CAST(${text} AS DOUBLE)`;
    return markers.length > 0 ? `nullif(${number}, 'NaN'::DOUBLE)` : number;
  }
  if (column.kind === 'label' && !keepText && labelIsNumeric(file.types[j], column.profile)) {
    return canonicalNumberSql(`nullif(TRY_CAST(${text} AS DOUBLE), 'NaN'::DOUBLE)`);
  }
  // The profile knows the exact spellings of missing in this column: compare to those, no lower / trim.
  const value = column.kind === 'label' ? `trim(${text})` : text;
  if (markers.length === 0) return value;
  return `CASE WHEN ${text} IN (${markers.map(sqlString).join(', ')}) THEN NULL ELSE ${value} END`;
}

/** Above this many columns DuckDB's per-column vectors, not the data, decide its memory. */
const WIDE_COLUMNS = 1000;

/**
 * DuckDB gives every column of every chunk in flight a vector of 2048 values, however few rows the file
 * has: 10,000 columns reserve 330 MB per chunk and trip the memory cap although the process stays small
 * (300 MB RSS at 10,000 × 50). A wide file gets one thread (fewer chunks in flight) and a cap that
 * counts those reservations; the resident memory stays linear in cells.
 */
async function allowForWidth(session: DuckSession, columns: number): Promise<void> {
  if (columns <= WIDE_COLUMNS) return;
  const reserved = Math.ceil((columns * 2048 * 16 * 12) / 2 ** 30);
  await session.run(`SET threads = 1`);
  await session.run(`SET memory_limit = '${Math.max(1, reserved)}GB'`);
}

/**
 * A file with the label and nothing else (or every other column dropped) has nothing to learn from:
 * said once, before any check or model meets an empty feature list.
 */
export function requireFeatures(table: StagedTable, features: readonly StagedColumn[]): void {
  const label = table.columns.find((column) => column.kind === 'label');
  if (!label || features.length > 0) return;
  const only = table.columns.length === 1;
  throw new ModeldebugError(
    'missing_column',
    only
      ? `the file has only the label column "${label.name}": there are no feature columns`
      : `every column but the label "${label.name}" was left out: there are no feature columns`,
    {
      where: only && (table.format === 'csv' || table.format === 'tsv') ? `${table.source}:1` : table.source,
      hint: only ? 'add the feature columns to the file' : 'keep at least one feature column',
    },
  );
}

/** A label column whose every present cell is a number (the file may still spell them 1 and 1.0). */
function labelIsNumeric(type: string, profile: TextColumnProfile | undefined): boolean {
  if (profile === undefined) return isNumericType(type);
  return profile.nonNumeric === 0;
}

/**
 * One spelling per number, so that `1`, `1.0` and `01` are one class (pandas reads such a column as
 * numbers too): whole numbers without a decimal point, others in DuckDB's shortest round-trip form.
 */
function canonicalNumberSql(number: string): string {
  return `CASE WHEN ${number} = trunc(${number}) AND abs(${number}) < 1e15
    THEN CAST(CAST(${number} AS BIGINT) AS VARCHAR) ELSE CAST(${number} AS VARCHAR) END`;
}

/** Typed columns of Parquet / JSON files were not profiled; count their NULLs now. */
async function countTypedMissing(
  session: DuckSession,
  table: string,
  columns: StagedColumn[],
): Promise<StagedColumn[]> {
  const typed = columns.filter((column) => column.profile === undefined);
  if (typed.length === 0) return columns;
  const [row] = await session.rows(
    `SELECT ${typed.map((column) => `count(*) FILTER (WHERE ${column.sql} IS NULL)::DOUBLE`).join(', ')} FROM ${table}`,
  );
  const counts = new Map(typed.map((column, k) => [column.name, Number(row[k])]));
  return columns.map((column) => ({ ...column, missing: counts.get(column.name) ?? column.missing }));
}
