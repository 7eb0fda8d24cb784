import type { Command } from 'commander';
import { analyseErrors } from '../../analysis/index.js';
import {
  buildModel,
  checkDataFitsModel,
  findClassifier,
  formatModelSpec,
  parseModelSpec,
  type StepSpec,
} from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { takeFeatureColumns } from '../../core/features.js';
import type { Dataset } from '../../data/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { addDataOptions, type DataFlags, loadPreparedFromFlags } from '../data-flags.js';
import { wholeNumberFlag } from '../flag-values.js';
import { errorAnalysisToJson } from '../format/errors-json.js';
import { formatErrorAnalysis } from '../format/errors-text.js';
import { jsonDocument } from '../format/json-document.js';
import { addModelOptions, type ModelFlags, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface ErrorsFlags extends ModelFlags, DataFlags {
  readonly cv: string;
  readonly seed: string;
  readonly shuffle?: boolean;
  readonly top: string;
  readonly nBoot: string;
  readonly minSupport?: string;
  readonly baseline?: string;
  readonly json?: boolean;
}

/** Shown at the end of `modeldebug errors --help`. */
const EXAMPLES = [
  "modeldebug errors --example breast_cancer --model 'scale | logreg'",
  'modeldebug errors data.csv --label y --cv 10 --top 20 --json',
];

export function registerErrorsCommand(program: Command): void {
  const command = withHelpExamples(program.command('errors'), EXAMPLES)
    .description(
      'why is the model wrong? confidently-wrong rows, confusion pairs, weak slices, suspected label errors, calibration',
    )
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addModelOptions(
    addDataOptions(command, (own) =>
      own
        .option('--cv <k>', 'stratified folds for the out-of-fold predictions', '5')
        .option('--seed <n>', 'seed for shuffling, the bootstrap and text clustering', '0')
        .option('--shuffle', 'shuffle before assigning folds')
        .option('--top <n>', 'rows listed per section', '10')
        .option('--n-boot <n>', 'bootstrap resamples for the accuracy and F1 intervals', '1000')
        .option('--min-support <n>', 'fewest rows in a reported slice (default max(10, 2 % of rows))')
        .option(
          '--baseline <spec>',
          "a model to compare against by McNemar's test (default: most frequent class)",
        ),
    ),
  ).action(
    runAction(async (data: string | undefined, flags: ErrorsFlags) => {
      const top = wholeNumberFlag('--top', flags.top, 1);
      const { dataset, warnings } = await loadPreparedFromFlags('errors', data, flags);
      const steps = modelStepsFromFlags(flags);
      const estimator = buildModel(steps);
      const modelColumns = columnsForModel(dataset, steps);
      const baselineSteps = flags.baseline === undefined ? undefined : parseModelSpec(flags.baseline);
      const modelData = modelColumns
        ? { ...dataset, features: takeFeatureColumns(dataset.features, modelColumns) }
        : dataset;
      checkDataFitsModel(modelData, steps);
      if (baselineSteps) checkDataFitsModel(modelData, baselineSteps);
      const analysed = await analyseErrors(estimator, dataset, {
        folds: wholeNumberFlag('--cv', flags.cv, 2),
        seed: wholeNumberFlag('--seed', flags.seed, 0),
        shuffle: flags.shuffle ?? false,
        nBoot: wholeNumberFlag('--n-boot', flags.nBoot, 1),
        slices:
          flags.minSupport === undefined
            ? undefined
            : { minSupport: wholeNumberFlag('--min-support', flags.minSupport, 1) },
        modelColumns,
        baseline: baselineSteps && buildModel(baselineSteps),
        onProgress: progressLine('fitting fold', !flags.json),
      });
      const analysis = { ...analysed, warnings: [...warnings, ...analysed.warnings] };
      const spec = formatModelSpec(steps);
      process.stdout.write(
        flags.json
          ? jsonDocument(errorAnalysisToJson(analysis, spec, steps))
          : formatErrorAnalysis(analysis, spec, top),
      );
      return 0;
    }),
  );
}

/**
 * A numeric model cannot read free-text columns, but error analysis still wants them (clusters of the
 * misclassified texts): such a model is fitted on the other columns only.
 */
function columnsForModel(dataset: Dataset, steps: readonly StepSpec[]): number[] | undefined {
  const readsRaw = findClassifier(steps[steps.length - 1].name)?.tags.rawColumns;
  const { columns } = dataset.features;
  if (readsRaw || !columns.some((column) => column.kind === 'text')) return undefined;
  const kept = columns.flatMap((column, j) => (column.kind === 'text' ? [] : [j]));
  if (kept.length === 0) {
    throw new ModeldebugError('non_numeric_feature', `every feature of ${dataset.source} is free text`, {
      where: '--model',
      hint: 'use --model llm for text, or add numeric or categorical columns for this model',
    });
  }
  return kept;
}
