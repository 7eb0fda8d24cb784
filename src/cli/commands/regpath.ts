import type { Command } from 'commander';
import { describeRegularizationPath, regularizationPath } from '../../analysis/index.js';
import { buildModel, checkDataFitsModel, findClassifier, formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { addDataOptions, type DataFlags, loadDatasetFromFlags } from '../data-flags.js';
import { wholeNumberFlag } from '../flag-values.js';
import { versionedDocument } from '../format/json-document.js';
import { formatRegularizationPath, regularizationPathToJson } from '../format/regpath-text.js';
import { addModelOptions, type ModelFlags, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface RegpathFlags extends ModelFlags, DataFlags {
  readonly seed: string;
  readonly json?: boolean;
  readonly penalty: string;
  readonly l1Ratio: string;
  readonly cs: string;
  readonly cv: string;
  readonly scoring: string;
  readonly shuffle?: boolean;
}

const PENALTIES = ['l1', 'l2', 'elasticnet'] as const;
type Penalty = (typeof PENALTIES)[number];

/** Shown at the end of `modeldebug regpath --help`. */
const EXAMPLES = ["modeldebug regpath --example breast_cancer --model 'scale | logreg' --penalty l1"];

export function registerRegpathCommand(program: Command): void {
  const command = withHelpExamples(program.command('regpath'), EXAMPLES)
    .description('regularisation path: coefficients and CV score along C, the best C and the 1-SE choice')
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addModelOptions(
    addDataOptions(command, (own) =>
      own
        .option('--penalty <kind>', 'l1 | l2 | elasticnet', 'l2')
        .option('--l1-ratio <r>', 'the L1 share for --penalty elasticnet', '0.5')
        .option('--cs <n>', 'number of C values, log-spaced over [1e-4, 1e4]', '20')
        .option('--cv <k>', 'stratified folds per C', '5')
        .option('--scoring <name>', 'scorer, e.g. accuracy, f1_macro, neg_log_loss', 'accuracy')
        .option('--shuffle', 'shuffle before assigning folds')
        .option('--seed <n>', 'seed for --shuffle', '0'),
    ),
  ).action(
    runAction(async (data: string | undefined, flags: RegpathFlags) => {
      const penalty = parsePenalty(flags.penalty);
      const dataset = await loadDatasetFromFlags('regpath', data, flags);
      const steps = modelStepsFromFlags(flags);
      const last = steps[steps.length - 1];
      if (!findClassifier(last.name)?.tags.penaltyPath) {
        throw new ModeldebugError(
          'invalid_argument',
          `regpath traces logistic regression, not "${last.name}"`,
          {
            where: '--model',
            hint: "end the model with logreg, e.g. --model 'scale | logreg'",
          },
        );
      }
      const fixedParams = {
        ...last.params,
        penalty,
        ...(penalty === 'elasticnet' ? { l1_ratio: Number(flags.l1Ratio) } : {}),
      };
      const stepsAt = (C: number) => [
        ...steps.slice(0, -1),
        { name: last.name, params: { ...fixedParams, C } },
      ];
      checkDataFitsModel(dataset, stepsAt(1));
      const result = await regularizationPath(
        (C) => buildModel(stepsAt(C)),
        dataset.features,
        dataset.labels,
        {
          cs: wholeNumberFlag('--cs', flags.cs, 1),
          cv: wholeNumberFlag('--cv', flags.cv, 2),
          scoring: flags.scoring,
          shuffle: flags.shuffle,
          seed: wholeNumberFlag('--seed', flags.seed, 0),
          onProgress: progressLine('fitting', !flags.json),
        },
      );
      const spec = formatModelSpec([
        ...steps.slice(0, -1),
        { name: last.name, params: { ...fixedParams, C: 'path' } },
      ]);
      const context = { source: dataset.source, label: dataset.labelColumn, model: spec, penalty };
      const summary = describeRegularizationPath(result, penalty);
      process.stdout.write(
        flags.json
          ? versionedDocument('regpath', 2, regularizationPathToJson(result, { ...context, summary }))
          : formatRegularizationPath(result, { ...context, summary }),
      );
      return 0;
    }),
  );
}

function parsePenalty(text: string): Penalty {
  const found = PENALTIES.find((penalty) => penalty === text);
  if (found === undefined) {
    throw new ModeldebugError('invalid_argument', `unknown penalty "${text}"`, {
      where: '--penalty',
      hint: 'use --penalty l1, l2 or elasticnet',
    });
  }
  return found;
}
