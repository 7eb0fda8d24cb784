import type { DuckSession } from '../duck/duck-session.js';
import type { StagedColumn, StagedTable } from '../duck/stage-table.js';

/** Repeated feature rows, summarised for the duplicate and the conflicting-label checks. */
export interface RowGroups {
  /** Rows beyond the first of each group of identical rows, label included (what drop_duplicates removes). */
  readonly duplicateRows: number;
  readonly duplicateGroups: number;
  /** Rows in groups whose features are equal and labels differ, and how many such groups. */
  readonly conflictRows: number;
  readonly conflictGroups: number;
}

const GROUPS = 'md_feature_groups';
const REPEATED_HASHES = 'md_repeated_hashes';

/**
 * One hash aggregate over the feature columns (NULLs equal, as pandas' duplicated) serves both checks:
 * groups whose labels agree are exact duplicates; groups whose labels differ are conflicts, and only
 * their rows — few, normally — are grouped again by label to count the exact duplicates among them.
 * The repeated groups, with their keys, stay in a temporary table for the examples.
 */
export async function groupRows(
  session: DuckSession,
  table: StagedTable,
  features: readonly StagedColumn[],
  label: StagedColumn | undefined,
): Promise<RowGroups> {
  const keys = features.map((column) => column.sql);
  if (keys.length === 0) return { duplicateRows: 0, duplicateGroups: 0, conflictRows: 0, conflictGroups: 0 };
  const conflict = label ? `min(${label.sql}) <> max(${label.sql})` : 'false';
  // Groups whose labels are not all equal and present (conflicts, or some labels missing) are regrouped
  // by label to count their exact duplicates.
  const mixed = label ? `${conflict} OR count(${label.sql}) NOT IN (0, count(*))` : 'false';
  // Grouping by one 64-bit hash per row costs a fraction of grouping by every key column (1M distinct
  // rows of 9 columns: a third of the time); equal rows hash equally (NULLs too, and -0 as 0), so only
  // the rows of repeated hashes — the duplicates, and rare collisions — are grouped by their exact keys.
  await session.run(`CREATE OR REPLACE TEMP TABLE ${REPEATED_HASHES} AS
    SELECT hash(${keys.join(', ')}) AS h FROM ${table.table} GROUP BY h HAVING count(*) > 1`);
  await session.run(`CREATE OR REPLACE TEMP TABLE ${GROUPS} AS
    SELECT ${keys.join(', ')}, count(*) AS n, min(rowid) AS first, coalesce(${conflict}, false) AS conflict,
      coalesce(${mixed}, false) AS mixed
    FROM ${table.table} WHERE hash(${keys.join(', ')}) IN (SELECT h FROM ${REPEATED_HASHES})
    GROUP BY ${keys.join(', ')} HAVING count(*) > 1`);
  const [[agreeing, agreeingGroups, conflictRows, conflictGroups, mixedGroups]] = await session.rows(`SELECT
      coalesce(sum(n - 1) FILTER (WHERE NOT mixed), 0)::DOUBLE, count(*) FILTER (WHERE NOT mixed)::DOUBLE,
      coalesce(sum(n) FILTER (WHERE conflict), 0)::DOUBLE, count(*) FILTER (WHERE conflict)::DOUBLE,
      count(*) FILTER (WHERE mixed)::DOUBLE
    FROM ${GROUPS}`);
  let duplicateRows = Number(agreeing);
  let duplicateGroups = Number(agreeingGroups);
  if (label && Number(mixedGroups) > 0) {
    const [[extra, groups]] =
      await session.rows(`SELECT coalesce(sum(n - 1), 0)::DOUBLE, count(*)::DOUBLE FROM (
        SELECT count(*) AS n FROM ${table.table} t JOIN ${GROUPS} g ON g.mixed AND ${matchKeys(keys)}
        GROUP BY ${keys.map((key) => `t.${key}`).join(', ')}, t.${label.sql} HAVING count(*) > 1)`);
    duplicateRows += Number(extra);
    duplicateGroups += Number(groups);
  }
  return {
    duplicateRows,
    duplicateGroups,
    conflictRows: Number(conflictRows),
    conflictGroups: Number(conflictGroups),
  };
}

/**
 * The 1-based rows (up to 5) of the first `examples` repeated groups, conflicting or agreeing, from the
 * table `groupRows` left behind: one small join back to the data.
 */
export async function exampleGroups(
  session: DuckSession,
  table: StagedTable,
  features: readonly StagedColumn[],
  conflicting: boolean,
  examples: number,
): Promise<number[][]> {
  const keys = features.map((column) => column.sql);
  const rows = await session.rows(`WITH g AS (
      SELECT * FROM ${GROUPS} WHERE ${conflicting ? 'conflict' : 'NOT mixed'} ORDER BY first LIMIT ${examples})
    SELECT g.first, list(t.rowid + 1 ORDER BY t.rowid)[1:5]
    FROM g JOIN ${table.table} t ON ${matchKeys(keys)} GROUP BY g.first ORDER BY g.first`);
  return rows.map(([, list]) => (list as (number | string)[]).map(Number));
}

function matchKeys(keys: readonly string[]): string {
  return keys.map((key) => `t.${key} IS NOT DISTINCT FROM g.${key}`).join(' AND ');
}
