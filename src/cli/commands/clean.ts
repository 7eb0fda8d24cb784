import type { Command } from 'commander';
import { ModeldebugError } from '../../core/errors.js';
import { cleanData, type HoldoutOptions, type ImputeStrategy } from '../../data/index.js';
import { trainTestSplit } from '../../splits/index.js';
import { withHelpExamples } from '../command-help.js';
import { fractionFlag, usageError, wholeNumberFlag } from '../flag-values.js';
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
  readonly testOut?: string;
  readonly testSize?: string;
  readonly seed: string;
  readonly text: string[];
  readonly json?: boolean;
}

const STRATEGIES: readonly ImputeStrategy[] = ['mean', 'median', 'most_frequent'];

/** Shown at the end of `modeldebug clean --help`. */
const EXAMPLES = [
  'modeldebug clean data.csv --label y --impute median --out clean.csv',
  'modeldebug clean data.csv --label y --impute mean --out train.csv --test-out test.csv --test-size 0.2',
];

export function registerCleanCommand(program: Command): void {
  withHelpExamples(program.command('clean'), EXAMPLES)
    .description('write a cleaned copy: duplicates dropped, missing markers normalised, optional imputation')
    .argument('<data>', 'CSV / TSV (.gz), JSON, JSONL or Parquet file (never modified)')
    .requiredOption('--out <file>', 'the cleaned copy: .csv, .tsv (optionally .gz) or .parquet')
    .option('--label <column>', 'the label column: rows without a label are dropped')
    .option('--keep-duplicates', 'keep exact duplicate rows (default: keep the first of each)')
    .option('--drop-missing', 'drop rows with a missing value in any column')
    .option('--impute <strategy>', 'fill missing values per column: mean | median | most_frequent')
    .option(
      '--test-out <file>',
      'also hold out a stratified test part here (needs --label); imputation learns from the rest',
    )
    .option('--test-size <fraction>', 'share of the kept rows --test-out holds (default 0.2)')
    .option('--seed <n>', 'seed of the --test-out draw', '0')
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
          holdout: holdoutOf(flags),
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

/** `--test-out`: the kept rows' seeded stratified split (our RNG, sklearn's sizes), as `eval --test-size` draws it. */
function holdoutOf(flags: CleanFlags): HoldoutOptions | undefined {
  if (flags.testOut === undefined) {
    if (flags.testSize !== undefined)
      throw usageError('clean', '--test-size needs --test-out: name the test file');
    return undefined;
  }
  if (flags.label === undefined)
    throw usageError('clean', '--test-out needs --label: the test part keeps its class proportions');
  const testSize = flags.testSize === undefined ? 0.2 : fractionFlag('--test-size', flags.testSize);
  const seed = wholeNumberFlag('--seed', flags.seed, 0);
  return {
    out: flags.testOut,
    pick: (labelCodes) => trainTestSplit(labelCodes.length, { testSize, seed, stratify: labelCodes }).test,
  };
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
