import type { Command } from 'commander';
import { buildModel, checkDataFitsModel, formatModelSpec } from '../../catalog/index.js';
import { takeFeatureRows } from '../../core/features.js';
import { takeLabelRows } from '../../core/labels.js';
import { permutationImportance } from '../../features/index.js';
import { trainTestSplit } from '../../splits/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { addDataOptions, type DataFlags, loadDatasetFromFlags } from '../data-flags.js';
import { fractionFlag, wholeNumberFlag } from '../flag-values.js';
import { formatImportance, importanceToJson } from '../format/importance-text.js';
import { versionedDocument } from '../format/json-document.js';
import { addModelOptions, type ModelFlags, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface ImportanceFlags extends ModelFlags, DataFlags {
  readonly seed: string;
  readonly json?: boolean;
  readonly testSize: string;
  readonly repeats: string;
  readonly scoring: string;
}

/** Shown at the end of `modeldebug importance --help`. */
const EXAMPLES = ["modeldebug importance --example wine --model 'scale | logreg' --repeats 10"];

export function registerImportanceCommand(program: Command): void {
  const command = withHelpExamples(program.command('importance'), EXAMPLES)
    .description('permutation importance: how much the held-out score drops when each feature is shuffled')
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addModelOptions(
    addDataOptions(command, (own) =>
      own
        .option(
          '--test-size <fraction>',
          'stratified held-out fraction the importances are measured on',
          '0.25',
        )
        .option('--repeats <n>', 'shuffles per feature (n_repeats)', '5')
        .option(
          '--scoring <name>',
          'scorer, e.g. accuracy, balanced_accuracy, f1_macro, neg_log_loss',
          'accuracy',
        )
        .option('--seed <n>', 'seed for the split and the shuffles', '0'),
    ),
  ).action(
    runAction(async (data: string | undefined, flags: ImportanceFlags) => {
      const dataset = await loadDatasetFromFlags('importance', data, flags);
      const steps = modelStepsFromFlags(flags);
      const model = buildModel(steps);
      checkDataFitsModel(dataset, steps);
      const seed = wholeNumberFlag('--seed', flags.seed, 0);
      const testSize = fractionFlag('--test-size', flags.testSize);
      const nRepeats = wholeNumberFlag('--repeats', flags.repeats, 1);
      const { features: X, labels: y } = dataset;
      const split = trainTestSplit(X.rows, { testSize, seed, stratify: y.codes });
      const fitted = await model.fit(takeFeatureRows(X, split.train), takeLabelRows(y, split.train));
      const result = await permutationImportance(
        fitted,
        takeFeatureRows(X, split.test),
        takeLabelRows(y, split.test),
        {
          nRepeats,
          scoring: flags.scoring,
          seed,
          onFeatureDone: progressLine('shuffling feature', !flags.json),
        },
      );
      const spec = formatModelSpec(steps);
      const context = {
        source: dataset.source,
        label: dataset.labelColumn,
        model: spec,
        trainRows: split.train.length,
        testRows: split.test.length,
        nRepeats,
        warnings: fitted.diagnostics.warnings,
      };
      process.stdout.write(
        flags.json
          ? versionedDocument('importance', 2, importanceToJson(result, context))
          : formatImportance(result, context),
      );
      return 0;
    }),
  );
}
