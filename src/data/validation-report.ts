import type { ColumnKind } from '../core/features.js';
import type { CheckStatus, Finding } from './checks/finding.js';
import type { ValidationThresholds } from './checks/thresholds.js';

/** What the HTML report renders and `--json` prints: everything `modeldebug validate` found. */
export interface ValidationReport {
  readonly schema: 'modeldebug.validate';
  readonly schemaVersion: 1;
  readonly source: string;
  readonly testSource: string | null;
  readonly rows: number;
  readonly testRows: number | null;
  readonly label: string | null;
  readonly columns: readonly {
    readonly name: string;
    readonly kind: ColumnKind | 'label';
    readonly missing: number;
  }[];
  /** Worst first (fail, warn, pass), then by severity. */
  readonly findings: readonly Finding[];
  /** Checks not run, with why (e.g. no label given). */
  readonly skipped: readonly { readonly check: string; readonly reason: string }[];
  readonly summary: Readonly<Record<CheckStatus, number>>;
  readonly thresholds: ValidationThresholds;
  readonly seconds: number;
  /** Seconds per step: `load` (reading and typing the files), then each check (the first to need the shared column statistics pays for them). */
  readonly timings: Readonly<Record<string, number>>;
}
