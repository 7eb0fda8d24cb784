import type { DuckSession } from './duck-session.js';
import type { FileSource } from './source-sql.js';
import { translateReadError } from './translate-error.js';

/** What one pass over a text column tells us: enough to type it and to report its missing markers. */
export interface TextColumnProfile {
  readonly missing: number;
  /** Present cells that are not numbers. */
  readonly nonNumeric: number;
  /** Prose statistics over the present cells that are not numbers. */
  readonly meanLength: number;
  readonly withSpaces: number;
  /** Distinct texts that are not numbers (exact). */
  readonly approxDistinct: number;
  /** Cells that read as an infinite number ('inf', '-Infinity', '1e400'). */
  readonly infinities: number;
  /** Raw text of the cells read as missing → count ('' for an empty field). */
  readonly markers: Readonly<Record<string, number>>;
}

export interface FileProfile {
  readonly rows: number;
  /** Per column; undefined for columns the file already types (Parquet / JSON numbers). */
  readonly text: readonly (TextColumnProfile | undefined)[];
}

/** Columns whose DuckDB type is a number need no profiling: they are numeric by construction. */
export function isNumericType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/.test(
    type,
  );
}

/** A text view of any column: DuckDB types other than numbers (booleans, dates) are read as their text. */
export function asTextSql(columnSql: string, type: string): string {
  if (type === 'VARCHAR') return columnSql;
  // A JSON column mixes strings and numbers; its strings read without their quotes ("nan" → nan).
  if (type === 'JSON') return `json_extract_string(${columnSql}, '$')`;
  return `CAST(${columnSql} AS VARCHAR)`;
}

/**
 * One scan of the file: each cell either parses as a finite number (the common case, one TRY_CAST) or
 * is grouped by its text; the string work — missing markers, NaN and infinity spellings, prose
 * statistics — then runs
 * once per distinct text instead of once per cell. Unpivoted to (name, value) pairs, the query has the
 * same few expressions however many columns the file has (per-column expressions cost DuckDB's planner
 * more than the scan on a wide file).
 */
export async function profileFile(session: DuckSession, file: FileSource): Promise<FileProfile> {
  const textIndices = file.names.flatMap((_, j) => (isNumericType(file.types[j]) ? [] : [j]));
  try {
    if (textIndices.length === 0) {
      const [[rows]] = await session.rows(`SELECT count(*)::DOUBLE FROM ${file.fromSql}`);
      return { rows: Number(rows), text: file.names.map(() => undefined) };
    }
    const cells = textIndices
      .map((j) => `coalesce(${asTextSql(file.columnSql[j], file.types[j])}, '') AS c${j}`)
      .join(', ');
    await session.run(`CREATE OR REPLACE TEMP TABLE md_values AS
      SELECT name, f, count(*)::DOUBLE AS n FROM (
        SELECT name, CASE WHEN isfinite(TRY_CAST(v AS DOUBLE)) THEN NULL ELSE v END AS f
        FROM (UNPIVOT (SELECT ${cells} FROM ${file.fromSql}) ON COLUMNS(*) INTO NAME name VALUE v))
      GROUP BY ALL`);
    const stats = await session.rows(`SELECT name, sum(n),
        coalesce(sum(n) FILTER (WHERE k = 1), 0), coalesce(sum(n) FILTER (WHERE k = 2), 0),
        to_json(map_from_entries(list({k: f, v: n}) FILTER (WHERE k = 1)))::VARCHAR,
        coalesce(sum(n * length(f)) FILTER (WHERE k = 2) / sum(n) FILTER (WHERE k = 2), 0),
        coalesce(sum(n) FILTER (WHERE k = 2 AND contains(f, ' ')), 0),
        count(*) FILTER (WHERE k = 2)::DOUBLE,
        coalesce(sum(n) FILTER (WHERE f IS NOT NULL AND k = 0), 0)::DOUBLE
      FROM (SELECT name, f, n, CASE WHEN f IS NULL THEN 0 WHEN md_marker(f) THEN 1
              WHEN md_number(f) IS NOT NULL THEN (CASE WHEN isnan(md_number(f)) THEN 1 ELSE 0 END)
              ELSE 2 END AS k FROM md_values)
      GROUP BY name`);
    const byName = new Map(stats.map((row) => [String(row[0]), row]));
    const rows = Number(stats[0]?.[1] ?? 0);
    return {
      rows,
      text: file.names.map((_, j): TextColumnProfile | undefined => {
        if (isNumericType(file.types[j])) return undefined;
        // No row at all (a header-only file): every count is 0.
        const r = byName.get(`c${j}`) ?? [`c${j}`, 0, 0, 0, null, 0, 0, 0, 0];
        return {
          missing: Number(r[2]),
          nonNumeric: Number(r[3]),
          markers: r[4] ? (JSON.parse(String(r[4])) as Record<string, number>) : {},
          meanLength: Number(r[5]),
          withSpaces: Number(r[6]),
          approxDistinct: Number(r[7]),
          infinities: Number(r[8]),
        };
      }),
    };
  } catch (error) {
    throw translateReadError(error, file.source);
  }
}
