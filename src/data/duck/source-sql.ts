import { existsSync, statSync } from 'node:fs';
import { ModeldebugError } from '../../core/errors.js';
import type { DuckSession } from './duck-session.js';
import { type FileFormat, fileKindOf, isDelimited, MAX_LINE_BYTES } from './file-format.js';
import { readDelimitedHeader } from './read-header.js';
import { sqlIdent, sqlString } from './sql-literals.js';
import { translateReadError } from './translate-error.js';

/** A data file as DuckDB reads it: a table-function expression plus its columns in file order. */
export interface FileSource {
  readonly path: string;
  /** How the file reads in messages. */
  readonly source: string;
  readonly format: FileFormat;
  /** e.g. `read_csv('x.csv', columns = {...}, ...)`, usable after FROM. */
  readonly fromSql: string;
  readonly names: readonly string[];
  /**
   * Column j as SQL after FROM fromSql. Delimited files get generated names (c0, c1, …): DuckDB's names
   * are case-insensitive, so the user's headers `a` and `A` would collide.
   */
  readonly columnSql: readonly string[];
  /** DuckDB type per column: VARCHAR for every column of a delimited file. */
  readonly types: readonly string[];
  /**
   * Delimited files only: the same read with DuckDB parsing the given column types itself and reading
   * `nullStrings` as NULL — faster than casting text, once a first pass knows the types.
   */
  readonly retyped?: (types: readonly string[], nullStrings: readonly string[]) => string;
}

/** DuckDB sizes its read buffer at 16 lines unless told: two lines' worth is its default's size. */
const BUFFER_BYTES = 2 * MAX_LINE_BYTES;

function readCsvSql(
  path: string,
  types: readonly string[],
  dialect: string,
  nullStrings: readonly string[],
): string {
  const columns = types.map((type, j) => `${sqlString(`c${j}`)}: ${sqlString(type)}`).join(', ');
  const nulls = nullStrings.length > 0 ? `, nullstr = [${nullStrings.map(sqlString).join(', ')}]` : '';
  return `read_csv(${sqlString(path)}, columns = {${columns}}, ${dialect}${nulls})`;
}

export async function openFileSource(
  session: DuckSession,
  path: string,
  sourceName?: string,
): Promise<FileSource> {
  const source = sourceName ?? path;
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new ModeldebugError('file_not_found', `no such data file: ${path}`, {
      where: path,
      hint: 'check the path, or use --example iris|wine|breast_cancer|digits|spam',
    });
  }
  const { format, gzip } = fileKindOf(path);
  if (statSync(path).size === 0) {
    throw new ModeldebugError('parse_error', 'the file is empty', {
      where: source,
      hint: 'give a file with a header row and at least one data row',
    });
  }
  if (isDelimited(format)) {
    const header = readDelimitedHeader(path, source, gzip, format === 'tsv');
    // Every cell arrives as text: we type columns ourselves, with pandas' missing markers, over all rows.
    const dialect = `header = true, auto_detect = false, delim = ${sqlString(header.delimiter)}, quote = '"',
      escape = '"', strict_mode = true, max_line_size = ${MAX_LINE_BYTES},
      buffer_size = ${BUFFER_BYTES}, compression = ${gzip ? "'gzip'" : "'none'"}`;
    const types = header.names.map(() => 'VARCHAR');
    return {
      path,
      source,
      format,
      fromSql: readCsvSql(path, types, dialect, []),
      names: header.names,
      columnSql: header.names.map((_, j) => sqlIdent(`c${j}`)),
      types,
      retyped: (columnTypes, nullStrings) => readCsvSql(path, columnTypes, dialect, nullStrings),
    };
  }
  const fromSql =
    format === 'parquet'
      ? `read_parquet(${sqlString(path)})`
      : `read_json_auto(${sqlString(path)}, format = ${format === 'jsonl' ? "'newline_delimited'" : "'auto'"})`;
  try {
    const described = await session.rows(`DESCRIBE SELECT * FROM ${fromSql}`);
    const names = described.map((row) => String(row[0]));
    return {
      path,
      source,
      format,
      fromSql,
      names,
      columnSql: names.map(sqlIdent),
      types: described.map((row) => String(row[1])),
    };
  } catch (error) {
    throw translateReadError(error, source);
  }
}
