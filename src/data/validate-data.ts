import { ModeldebugError } from '../core/errors.js';
import type { CheckContext, DataCheck } from './checks/check.js';
import { valueFormatOf } from './checks/column-format.js';
import { type ColumnStats, computeColumnStats } from './checks/column-stats.js';
import { type Finding, sortFindings } from './checks/finding.js';
import { DATA_CHECKS } from './checks/registry.js';
import { groupRows, type RowGroups } from './checks/row-groups.js';
import { DEFAULT_THRESHOLDS, type ValidationThresholds } from './checks/thresholds.js';
import type { KindOptions } from './column-kinds.js';
import { withDuckSession } from './duck/duck-session.js';
import { requireFeatures, type StagedTable, stageFile } from './duck/stage-table.js';
import type { ValidationReport } from './validation-report.js';
import type { ValueFormat } from './value-formats.js';

export interface ValidateOptions extends KindOptions {
  /** The label column; checks that need it are skipped without it. */
  readonly label?: string;
  /** A test file with the same columns: enables the train-test checks. */
  readonly test?: string;
  readonly thresholds?: Partial<ValidationThresholds>;
  /** Run only these checks (by id). */
  readonly checks?: readonly string[];
  /** Columns left out of every check, as training leaves them out (they must exist). */
  readonly drop?: readonly string[];
}

/** Runs every data check over a file (and a test file) inside one DuckDB session. */
export async function validateData(path: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now();
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const checks = selectChecks(options.checks);
  return withDuckSession(async (session) => {
    const timings: Record<string, number> = {};
    const lap = (step: string, since: number) => {
      timings[step] = (performance.now() - since) / 1000;
    };
    const staged = await stageFile(session, path, {
      ...options,
      table: 'train',
      required: (options.drop ?? []).map((name) => ({ name, flag: 'drop' })),
    });
    // A dropped column is not trained on, so no check reports it (its missing cells, its ID-likeness).
    const train = { ...staged, columns: staged.columns.filter((c) => !options.drop?.includes(c.name)) };
    // The test file is typed like the training file, so that the same column compares as the same type.
    const kindNames = (kind: string) =>
      train.columns.filter((column) => column.kind === kind).map((c) => c.name);
    const test = options.test
      ? await stageFile(session, options.test, {
          ...options,
          table: 'test',
          categorical: [...(options.categorical ?? []), ...kindNames('categorical')],
          text: [...(options.text ?? []), ...kindNames('text')],
        })
      : undefined;
    if (test) checkTestColumns(train, test);
    lap('load', started);
    const label = train.columns.find((column) => column.kind === 'label');
    const features = train.columns.filter((column) => column.kind !== 'label');
    requireFeatures(train, features);
    let stats: Promise<Map<string, ColumnStats>> | undefined;
    let rowGroups: Promise<RowGroups> | undefined;
    const formats = new Map<string, Promise<ValueFormat>>();
    const context: CheckContext = {
      session,
      train,
      test,
      label,
      features,
      thresholds,
      stats: () => {
        stats ??= computeColumnStats(session, train, features, thresholds.nearConstantShare);
        return stats;
      },
      rowGroups: () => {
        rowGroups ??= groupRows(session, train, features, label);
        return rowGroups;
      },
      valueFormat: (column) => {
        let format = formats.get(column.name);
        if (!format) {
          format = valueFormatOf(session, train, column);
          formats.set(column.name, format);
        }
        return format;
      },
    };
    const findings: Finding[] = [];
    const skipped: { check: string; reason: string }[] = [];
    for (const check of checks) {
      const reasons = [
        ...(check.needs?.includes('label') && !label ? ['no label column given (--label)'] : []),
        ...(check.needs?.includes('test') && !test ? ['no test file given (--test)'] : []),
      ];
      if (reasons.length > 0) {
        skipped.push({ check: check.id, reason: reasons.join('; ') });
        continue;
      }
      const checkStarted = performance.now();
      findings.push(...(await check.run(context)));
      lap(check.id, checkStarted);
    }
    const sorted = sortFindings(findings);
    return {
      schema: 'modeldebug.validate',
      schemaVersion: 1,
      source: train.source,
      testSource: test?.source ?? null,
      rows: train.rows,
      testRows: test?.rows ?? null,
      label: options.label ?? null,
      columns: train.columns.map(({ name, kind, missing }) => ({ name, kind, missing })),
      findings: sorted,
      skipped,
      summary: {
        fail: sorted.filter((finding) => finding.status === 'fail').length,
        warn: sorted.filter((finding) => finding.status === 'warn').length,
        pass: sorted.filter((finding) => finding.status === 'pass').length,
      },
      thresholds,
      seconds: (performance.now() - started) / 1000,
      timings,
    };
  });
}

function selectChecks(ids: readonly string[] | undefined): readonly DataCheck[] {
  if (!ids) return DATA_CHECKS;
  const known = new Set(DATA_CHECKS.map((check) => check.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) {
    throw new ModeldebugError('invalid_argument', `unknown check "${unknown}"`, {
      where: '--check',
      hint: `checks are: ${[...known].join(', ')}`,
    });
  }
  return DATA_CHECKS.filter((check) => ids.includes(check.id));
}

function checkTestColumns(train: StagedTable, test: StagedTable): void {
  const names = new Set(test.columns.map((column) => column.name));
  const missing = train.columns.filter((column) => !names.has(column.name)).map((column) => column.name);
  if (missing.length > 0) {
    throw new ModeldebugError(
      'missing_column',
      `the test file lacks training column(s) ${missing.join(', ')}`,
      {
        where: test.source,
        hint: 'give a test file with the same columns as the training file',
      },
    );
  }
}
