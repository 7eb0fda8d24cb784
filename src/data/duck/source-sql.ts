import { existsSync, statSync } from 'node:fs';
import { ModeldebugError } from '../../core/errors.js';
import type { DuckSession } from './duck-session.js';
import { type FileFormat, fileKindOf, isDelimited } from './file-format.js';
import { readDelimitedHeader } from './read-header.js';
import { sqlString } from './sql-literals.js';
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
  /** DuckDB type per column: VARCHAR for every column of a delimited file. */
  readonly types: readonly string[];
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
      hint: 'check the path, or use --example iris|wine|breast_cancer|digits',
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
    const columns = header.names.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(', ');
    const fromSql = `read_csv(${sqlString(path)}, columns = {${columns}}, header = true, auto_detect = false,
      delim = ${sqlString(header.delimiter)}, quote = '"', escape = '"', strict_mode = true,
      compression = ${gzip ? "'gzip'" : "'none'"})`;
    return { path, source, format, fromSql, names: header.names, types: header.names.map(() => 'VARCHAR') };
  }
  const fromSql =
    format === 'parquet'
      ? `read_parquet(${sqlString(path)})`
      : `read_json_auto(${sqlString(path)}, format = ${format === 'jsonl' ? "'newline_delimited'" : "'auto'"})`;
  try {
    const described = await session.rows(`DESCRIBE SELECT * FROM ${fromSql}`);
    return {
      path,
      source,
      format,
      fromSql,
      names: described.map((row) => String(row[0])),
      types: described.map((row) => String(row[1])),
    };
  } catch (error) {
    throw translateReadError(error, source);
  }
}
