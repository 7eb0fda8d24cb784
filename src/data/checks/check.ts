import type { DuckSession } from '../duck/duck-session.js';
import type { StagedColumn, StagedTable } from '../duck/stage-table.js';
import type { ValueFormat } from '../value-formats.js';
import type { ColumnStats } from './column-stats.js';
import type { Finding, Severity } from './finding.js';
import type { RowGroups } from './row-groups.js';
import type { ValidationThresholds } from './thresholds.js';

/** What every check sees: the staged training table (and test table), thresholds, shared statistics. */
export interface CheckContext {
  readonly session: DuckSession;
  readonly train: StagedTable;
  readonly test?: StagedTable;
  readonly label?: StagedColumn;
  /** Feature columns: every column but the label. */
  readonly features: readonly StagedColumn[];
  readonly thresholds: ValidationThresholds;
  /** Per-feature statistics, computed once on first use. */
  stats(): Promise<ReadonlyMap<string, ColumnStats>>;
  /** Repeated rows (duplicates and conflicts), computed once on first use. */
  rowGroups(): Promise<RowGroups>;
  /** A text column's value format (dates, formatted numbers, or neither), computed once per column. */
  valueFormat(column: StagedColumn): Promise<ValueFormat>;
}

export interface DataCheck {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** Checks that need the label, or a test file, are skipped without one. */
  readonly needs?: readonly ('label' | 'test')[];
  run(context: CheckContext): Promise<Finding[]>;
}

/** A finding of `check` with its id, title and severity filled in. */
export function findingOf(
  check: Pick<DataCheck, 'id' | 'title' | 'severity'>,
  fields: Omit<Finding, 'check' | 'title' | 'severity'>,
): Finding {
  return { check: check.id, title: check.title, severity: check.severity, ...fields };
}
