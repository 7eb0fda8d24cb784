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

/** Up to this many text columns, one histogram per column; beyond, the cells are unpivoted. */
const HISTOGRAM_COLUMNS = 32;

/** A cell's text when it is not a finite number (numbers: NULL, the common case, one TRY_CAST). */
function nonNumberSql(text: string): string {
  return `CASE WHEN isfinite(TRY_CAST(${text} AS DOUBLE)) THEN NULL ELSE ${text} END`;
}

/**
 * A narrow file: one scan with a histogram of the non-number texts per column (a third faster than
 * unpivoting every cell on 1M × 10), then the histograms as rows, with each column's count of numbers.
 */
async function histogramValues(session: DuckSession, file: FileSource, indices: readonly number[]) {
  const text = (j: number) => `coalesce(${asTextSql(file.columnSql[j], file.types[j])}, '')`;
  await session.run(`CREATE OR REPLACE TEMP TABLE md_histograms AS SELECT count(*)::DOUBLE AS rows,
    ${indices.map((j) => `histogram(${nonNumberSql(text(j))}) AS h${j}`).join(', ')} FROM ${file.fromSql}`);
  await session.run(
    `CREATE OR REPLACE TEMP TABLE md_values AS ${indices
      .map(
        (j) => `SELECT 'c${j}' AS name, unnest(map_keys(h${j})) AS f, unnest(map_values(h${j}))::DOUBLE AS n
        FROM md_histograms
      UNION ALL SELECT 'c${j}', NULL::VARCHAR, rows - coalesce(list_sum(map_values(h${j})), 0) FROM md_histograms`,
      )
      .join(' UNION ALL ')}`,
  );
}

/**
 * A wide file: unpivoted to (name, value) pairs, the query has the same few expressions however many
 * columns the file has (per-column expressions cost DuckDB's planner more than the scan).
 */
async function unpivotedValues(session: DuckSession, file: FileSource, indices: readonly number[]) {
  const cells = indices
    .map((j) => `coalesce(${asTextSql(file.columnSql[j], file.types[j])}, '') AS c${j}`)
    .join(', ');
  await session.run(`CREATE OR REPLACE TEMP TABLE md_values AS
    SELECT name, f, count(*)::DOUBLE AS n FROM (
      SELECT name, ${nonNumberSql('v')} AS f
      FROM (UNPIVOT (SELECT ${cells} FROM ${file.fromSql}) ON COLUMNS(*) INTO NAME name VALUE v))
    GROUP BY ALL`);
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
 * statistics — then runs once per distinct text instead of once per cell, over `md_values` (column,
 * text or NULL for a number, cells).
 */
export async function profileFile(session: DuckSession, file: FileSource): Promise<FileProfile> {
  const textIndices = file.names.flatMap((_, j) => (isNumericType(file.types[j]) ? [] : [j]));
  try {
    if (textIndices.length === 0) {
      const [[rows]] = await session.rows(`SELECT count(*)::DOUBLE FROM ${file.fromSql}`);
      return { rows: Number(rows), text: file.names.map(() => undefined) };
    }
    if (textIndices.length <= HISTOGRAM_COLUMNS) await histogramValues(session, file, textIndices);
    else await unpivotedValues(session, file, textIndices);
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
