import type { Command } from 'commander';
import { ModeldebugError } from '../../core/errors.js';
import { exampleLabel, examplePath, statusAtLeast, validateData } from '../../data/index.js';
import { withHelpExamples } from '../command-help.js';
import { wholeNumberFlag } from '../flag-values.js';
import { jsonDocument } from '../format/json-document.js';
import { validationToJson } from '../format/validate-json.js';
import { formatValidation } from '../format/validate-text.js';
import { collect } from '../model-options.js';
import { runAction } from '../run-action.js';

interface ValidateFlags {
  readonly label?: string;
  readonly example?: string;
  readonly test?: string;
  readonly text: string[];
  readonly categorical: string[];
  readonly check: string[];
  readonly cv: string;
  readonly json?: boolean;
  readonly failOn: string;
}

/** Shown at the end of `modeldebug validate --help`. */
const EXAMPLES = [
  'modeldebug validate data.csv --label y --test test.csv',
  'modeldebug validate data.parquet --label y --fail-on fail --json',
];

export function registerValidateCommand(program: Command): void {
  withHelpExamples(program.command('validate'), EXAMPLES)
    .description('check a dataset before training: missing values, duplicates, conflicts, leaks, outliers, …')
    .argument('[data]', 'CSV / TSV (.gz), JSON, JSONL or Parquet file')
    .option('--label <column>', 'the label column (enables the label checks)')
    .option('--example <name>', 'validate a bundled dataset: iris | wine | breast_cancer | digits | spam')
    .option('--test <file>', 'a test file with the same columns (enables the train-test checks)')
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, [])
    .option(
      '--categorical <column>',
      'treat a column as categorical even if numeric (repeatable)',
      collect,
      [],
    )
    .option('--check <id>', 'run only this check (repeatable)', collect, [])
    .option('--cv <k>', 'folds of the cross-validation to come: smaller classes fail', '5')
    .option('--fail-on <level>', 'exit 1 when a check reaches this status: warn | fail | never', 'fail')
    .option('--json', 'print one JSON document instead of the table')
    .action(
      runAction(async (data: string | undefined, flags: ValidateFlags) => {
        const failOn = failOnLevel(flags.failOn);
        if (Boolean(data) === Boolean(flags.example)) {
          throw new ModeldebugError('invalid_argument', 'give either a data file or --example', {
            hint: 'e.g. modeldebug validate data.csv --label y, or modeldebug validate --example iris',
          });
        }
        const path = flags.example ? examplePath(flags.example) : (data as string);
        const label = flags.label ?? (flags.example ? exampleLabel(flags.example) : undefined);
        const cvFolds = wholeNumberFlag('--cv', flags.cv, 2);
        const report = await validateData(path, {
          label,
          test: flags.test,
          text: flags.text,
          categorical: flags.categorical,
          checks: flags.check.length > 0 ? flags.check : undefined,
          thresholds: { cvFolds },
        });
        process.stdout.write(flags.json ? jsonDocument(validationToJson(report)) : formatValidation(report));
        const gated =
          failOn !== 'never' && report.findings.some((finding) => statusAtLeast(finding.status, failOn));
        return gated ? 1 : 0;
      }),
    );
}

function failOnLevel(text: string): 'warn' | 'fail' | 'never' {
  if (text === 'warn' || text === 'fail' || text === 'never') return text;
  throw new ModeldebugError('invalid_argument', `--fail-on must be warn, fail or never, got "${text}"`, {
    where: '--fail-on',
  });
}
