import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ModeldebugError } from '../core/errors.js';
import type { KindOptions } from './column-kinds.js';
import { type DuckSession, withDuckSession } from './duck/duck-session.js';
import { sqlIdent, sqlString } from './duck/sql-literals.js';
import { type StagedColumn, stageFile } from './duck/stage-table.js';

/** Where an error about the held-out file points (the CLI names its flag). */
const HOLDOUT_OUT = 'field holdout.out';

export type ImputeStrategy = 'mean' | 'median' | 'most_frequent';

export interface CleanOptions extends KindOptions {
  /** Where to write the cleaned copy: .csv, .tsv (optionally .gz) or .parquet. */
  readonly out: string;
  /** With a label column, rows without a label are dropped (they cannot be trained on). */
  readonly label?: string;
  /** Keep exact duplicate rows (default: drop all but the first). */
  readonly keepDuplicates?: boolean;
  /** Drop rows with a missing value in any column. */
  readonly dropMissing?: boolean;
  /** Fill missing values per column: numbers with the mean / median / most frequent value, others with the most frequent. */
  readonly impute?: ImputeStrategy;
  /** 0-based data rows to leave out (header excluded), e.g. the rows `fix` dropped. */
  readonly dropRows?: readonly number[];
  /** Columns to leave out of the copy. */
  readonly dropColumns?: readonly string[];
  /** Also hold out a test part of the kept rows (needs `label`); imputation then learns from the rest. */
  readonly holdout?: HoldoutOptions;
}

export interface HoldoutOptions {
  /** Where to write the held-out rows (same formats as `out`). */
  readonly out: string;
  /**
   * Which kept rows to hold out: given each kept row's label code (rows in file order, codes in sorted
   * label order), the positions among them. A callback so the draw (a seeded stratified split) stays
   * with the caller's splitter.
   */
  pick(labelCodes: Int32Array): Int32Array;
}

export interface CleanReport {
  readonly source: string;
  readonly out: string;
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly duplicatesDropped: number;
  readonly unlabelledDropped: number;
  readonly missingRowsDropped: number;
  /** Rows left out because `dropRows` named them. */
  readonly listedRowsDropped: number;
  /** Cells spelled as a missing marker ('NA', '?', ' ', …) now written as empty / NULL. */
  readonly markersNormalised: readonly { readonly column: string; readonly cells: number }[];
  /** Infinite numbers read as missing (with imputation or dropping asked for), per column. */
  readonly infinitiesAsMissing: readonly { readonly column: string; readonly cells: number }[];
  readonly imputed: readonly {
    readonly column: string;
    readonly cells: number;
    readonly value: string | number;
  }[];
  /** With a holdout: the file written and its rows (`rowsOut` counts the rest). */
  readonly testOut?: string;
  readonly testRows?: number;
}

/**
 * Writes a cleaned copy of a data file and never touches the input: the copy is written to a temporary
 * file beside the output and renamed into place only when complete, so a failure leaves nothing behind.
 */
export async function cleanData(path: string, options: CleanOptions): Promise<CleanReport> {
  const format = outputFormat(options.out);
  refuseSameFile(path, options.out);
  if (options.holdout) checkHoldout(path, options, options.holdout);
  return withDuckSession(async (session) => {
    const staged = await stageFile(session, path, { ...options, table: 'data', keepText: true });
    const label = staged.columns.find((column) => column.kind === 'label');
    // No model fits an infinity: asked to impute or drop missing values, clean treats them as missing.
    const infinitiesAsMissing =
      options.impute || options.dropMissing ? await infinitiesToMissing(session, staged.columns) : [];
    const all = staged.columns.map((column) => column.sql).join(', ');
    const keep: string[] = [];
    if (!options.keepDuplicates) {
      // Grouped once: every count below and the copy filter on this list instead of regrouping 51 columns.
      await session.run(`CREATE TEMP TABLE first_rows AS SELECT min(rowid) AS r FROM data GROUP BY ${all}`);
      keep.push('rowid IN (SELECT r FROM first_rows)');
    }
    const afterDuplicates = await countWhere(session, keep);
    if (label) keep.push(`${label.sql} IS NOT NULL`);
    const afterLabel = await countWhere(session, keep);
    if (options.dropMissing) keep.push(...staged.columns.map((column) => `${column.sql} IS NOT NULL`));
    const afterMissing = await countWhere(session, keep);
    const dropRows = (options.dropRows ?? []).filter(Number.isInteger);
    if (dropRows.length > 0) keep.push(`rowid NOT IN (${dropRows.join(', ')})`);
    const afterListed = await countWhere(session, keep);
    const where = keep.length > 0 ? `WHERE ${keep.join(' AND ')}` : '';
    await session.run(`CREATE TABLE cleaned AS SELECT * FROM data ${where} ORDER BY rowid`);
    const testRows =
      options.holdout && label ? await holdOut(session, label, options.holdout.pick) : undefined;

    // Fills are learned from the rows that stay; the cells counted are those filled in every file written.
    const written =
      testRows === undefined ? 'cleaned' : '(SELECT * FROM cleaned UNION ALL SELECT * FROM held)';
    const imputed = options.impute
      ? await imputeColumns(session, staged.columns, options.impute, written)
      : [];
    const fills = new Map(imputed.map((fill) => [fill.column, fill.value]));
    const dropColumns = new Set(options.dropColumns ?? []);
    const selects = staged.columns
      .filter((column) => !dropColumns.has(column.name))
      .map((column) => {
        const value = fills.get(column.name);
        const filled =
          value === undefined ? column.sql : `coalesce(${column.sql}, ${sqlString(String(value))})`;
        return `${filled} AS ${sqlIdent(column.name)}`;
      });
    const outputs = [{ table: 'cleaned', out: options.out }];
    if (options.holdout && testRows !== undefined) outputs.push({ table: 'held', out: options.holdout.out });
    await writeTables(session, selects.join(', '), outputs, format);
    return {
      source: staged.source,
      out: options.out,
      rowsIn: staged.rows,
      rowsOut: afterListed - (testRows ?? 0),
      duplicatesDropped: staged.rows - afterDuplicates,
      unlabelledDropped: afterDuplicates - afterLabel,
      missingRowsDropped: afterLabel - afterMissing,
      listedRowsDropped: afterMissing - afterListed,
      markersNormalised: staged.columns.flatMap((column) => {
        const cells = Object.entries(column.profile?.markers ?? {})
          .filter(([marker]) => marker !== '')
          .reduce((sum, [, n]) => sum + n, 0);
        return cells > 0 ? [{ column: column.name, cells }] : [];
      }),
      infinitiesAsMissing,
      imputed,
      ...(testRows === undefined ? {} : { testOut: options.holdout?.out, testRows }),
    };
  });
}

/**
 * Moves the rows `pick` chooses from `cleaned` into `held`, so that imputation learns from the rows that
 * stay (no test value leaks into a fill). Returns how many rows it moved.
 */
async function holdOut(session: DuckSession, label: StagedColumn, pick: HoldoutOptions['pick']) {
  const codes = await session.rows(
    `SELECT (dense_rank() OVER (ORDER BY ${label.sql}) - 1)::INTEGER AS code, rowid FROM cleaned ORDER BY rowid`,
  );
  const positions = pick(Int32Array.from(codes, ([code]) => Number(code)));
  const held = `(SELECT unnest([${Array.from(positions).join(', ')}]::BIGINT[]))`;
  await session.run(`CREATE TABLE held AS SELECT * FROM cleaned WHERE rowid IN ${held} ORDER BY rowid`);
  await session.run(`DELETE FROM cleaned WHERE rowid IN ${held}`);
  return positions.length;
}

/**
 * Writes each table to its file. Every copy is written to a temporary file beside its output and all
 * are renamed into place only when every one is complete, so a failure leaves nothing behind.
 */
async function writeTables(
  session: DuckSession,
  selects: string,
  outputs: readonly { readonly table: string; readonly out: string }[],
  format: string,
) {
  // The extension stays last: DuckDB picks compression (.gz) from it.
  const temporary = (out: string) => join(dirname(resolve(out)), `.tmp-${process.pid}-${basename(out)}`);
  let writing = outputs[0].out;
  try {
    for (const { table, out } of outputs) {
      writing = out;
      await session.run(
        `COPY (SELECT ${selects} FROM ${table} ORDER BY rowid) TO ${sqlString(temporary(out))} (${format})`,
      );
    }
    for (const { out } of outputs) renameSync(temporary(out), out);
  } catch (error) {
    for (const { out } of outputs) rmSync(temporary(out), { force: true });
    throw new ModeldebugError(
      'invalid_argument',
      `cannot write ${writing}: ${String(error).split('\n')[0]}`,
      {
        where: writing === outputs[0].out ? '--out' : HOLDOUT_OUT,
        hint: 'check that the folder exists and is writable',
        cause: error,
      },
    );
  }
}

function checkHoldout(path: string, options: CleanOptions, holdout: HoldoutOptions): void {
  if (!options.label) {
    throw new ModeldebugError('invalid_argument', 'holding out test rows needs the label column', {
      where: 'field label',
      hint: 'name the label column: the held-out rows keep its class proportions',
    });
  }
  if (outputFormat(holdout.out, HOLDOUT_OUT) !== outputFormat(options.out)) {
    throw new ModeldebugError('invalid_argument', 'the test file and the cleaned copy need the same format', {
      where: HOLDOUT_OUT,
      hint: `give the test file the extension of ${options.out}`,
    });
  }
  refuseSameFile(path, holdout.out, HOLDOUT_OUT);
  if (resolve(holdout.out) === resolve(options.out)) {
    throw new ModeldebugError('invalid_argument', 'the test file is the cleaned copy', {
      where: HOLDOUT_OUT,
      hint: 'give the held-out rows a file of their own',
    });
  }
}

/** Sets the infinite cells of numeric feature columns to NULL; the cells per column it changed. */
async function infinitiesToMissing(session: DuckSession, columns: readonly StagedColumn[]) {
  const changed: { column: string; cells: number }[] = [];
  for (const column of columns) {
    if (column.kind !== 'numeric') continue;
    const infinite = `isinf(TRY_CAST(${column.sql} AS DOUBLE))`;
    const [[cells]] = await session.rows(`SELECT count(*)::DOUBLE FROM data WHERE ${infinite}`);
    if (Number(cells) === 0) continue;
    await session.run(`UPDATE data SET ${column.sql} = NULL WHERE ${infinite}`);
    changed.push({ column: column.name, cells: Number(cells) });
  }
  return changed;
}

async function countWhere(session: DuckSession, conditions: readonly string[]): Promise<number> {
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [[n]] = await session.rows(`SELECT count(*)::DOUBLE FROM data ${where}`);
  return Number(n);
}

/** The fill value of each feature column with missing cells in `written`, computed on the rows of `cleaned`. */
async function imputeColumns(
  session: DuckSession,
  columns: readonly StagedColumn[],
  strategy: ImputeStrategy,
  written: string,
) {
  const fills: { column: string; cells: number; value: string | number }[] = [];
  for (const column of columns) {
    if (column.kind === 'label') continue;
    const [[missing]] = await session.rows(
      `SELECT count(*)::DOUBLE FROM ${written} WHERE ${column.sql} IS NULL`,
    );
    if (Number(missing) === 0) continue;
    const numeric = column.kind === 'numeric' && strategy !== 'most_frequent';
    // Most frequent: ties go to the value seen first, so the fill is deterministic.
    const [[fill]] = await session.rows(
      numeric
        ? `SELECT ${strategy === 'mean' ? 'avg' : 'median'}(md_number(${column.sql}::VARCHAR)) FROM cleaned`
        : `SELECT ${column.sql} FROM cleaned WHERE ${column.sql} IS NOT NULL
           GROUP BY ALL ORDER BY count(*) DESC, min(rowid) LIMIT 1`,
    );
    if (fill === null) continue; // every value missing: nothing to impute from
    fills.push({ column: column.name, cells: Number(missing), value: numeric ? Number(fill) : String(fill) });
  }
  return fills;
}

function outputFormat(out: string, where = '--out'): string {
  const lower = out.toLowerCase();
  if (lower.endsWith('.parquet')) return 'FORMAT parquet';
  if (/\.tsv(\.gz)?$/.test(lower)) return "FORMAT csv, HEADER, DELIMITER '\t'";
  if (/\.csv(\.gz)?$/.test(lower)) return 'FORMAT csv, HEADER';
  throw new ModeldebugError('invalid_argument', `cannot tell the output format of ${out}`, {
    where,
    hint: 'name it .csv, .tsv (optionally .gz) or .parquet',
  });
}

function refuseSameFile(input: string, out: string, where = '--out'): void {
  const same =
    resolve(input) === resolve(out) ||
    (existsSync(out) && existsSync(input) && realpathSync(input) === realpathSync(out));
  if (same) {
    throw new ModeldebugError('invalid_argument', 'the output file is the input file', {
      where,
      hint: 'clean never overwrites its input: give another --out path',
    });
  }
}
