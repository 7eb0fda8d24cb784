import type { Command } from 'commander';
import { ModeldebugError } from '../../core/errors.js';
import { cleanData, type ImputeStrategy } from '../../data/index.js';
import { withHelpExamples } from '../command-help.js';
import { formatCleanReport } from '../format/clean-text.js';
import { jsonDocument } from '../format/json-document.js';
import { collect } from '../model-options.js';
import { runAction } from '../run-action.js';

interface CleanFlags {
  readonly out: string;
  readonly label?: string;
  readonly keepDuplicates?: boolean;
  readonly dropMissing?: boolean;
  readonly impute?: string;
  readonly text: string[];
  readonly json?: boolean;
}

const STRATEGIES: readonly ImputeStrategy[] = ['mean', 'median', 'most_frequent'];

/** Shown at the end of `modeldebug clean --help`. */
const EXAMPLES = ['modeldebug clean data.csv --label y --impute median --out clean.csv'];

export function registerCleanCommand(program: Command): void {
  withHelpExamples(program.command('clean'), EXAMPLES)
    .description('write a cleaned copy: duplicates dropped, missing markers normalised, optional imputation')
    .argument('<data>', 'CSV / TSV (.gz), JSON, JSONL or Parquet file (never modified)')
    .requiredOption('--out <file>', 'the cleaned copy: .csv, .tsv (optionally .gz) or .parquet')
    .option('--label <column>', 'the label column: rows without a label are dropped')
    .option('--keep-duplicates', 'keep exact duplicate rows (default: keep the first of each)')
    .option('--drop-missing', 'drop rows with a missing value in any column')
    .option('--impute <strategy>', 'fill missing values per column: mean | median | most_frequent')
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, [])
    .option('--json', 'print what changed as JSON')
    .action(
      runAction(async (data: string, flags: CleanFlags) => {
        const impute = flags.impute === undefined ? undefined : strategy(flags.impute);
        const report = await cleanData(data, {
          out: flags.out,
          label: flags.label,
          keepDuplicates: flags.keepDuplicates,
          dropMissing: flags.dropMissing,
          impute,
          text: flags.text,
        });
        process.stdout.write(
          flags.json
            ? jsonDocument({ schema: 'modeldebug.clean', version: 2, ...report })
            : formatCleanReport(report),
        );
        return 0;
      }),
    );
}

function strategy(text: string): ImputeStrategy {
  const found = STRATEGIES.find((name) => name === text);
  if (found) return found;
  throw new ModeldebugError(
    'invalid_argument',
    `--impute must be one of ${STRATEGIES.join(', ')}, got "${text}"`,
    {
      where: '--impute',
    },
  );
}
