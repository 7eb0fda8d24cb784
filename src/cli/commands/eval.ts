import type { Command } from 'commander';
import { type EvaluationProtocol, evaluate } from '../../analysis/index.js';
import { type Dataset, loadDataset } from '../../data/index.js';
import { buildModel, checkDataFitsModel } from '../../models/index.js';
import { formatModelSpec } from '../../selection/index.js';
import { addDataOptions, type DataFlags, loadDatasetFromFlags } from '../data-flags.js';
import { fractionFlag, usageError, wholeNumberFlag } from '../flag-values.js';
import { evaluationToJson } from '../format/eval-json.js';
import { formatEvaluation } from '../format/eval-text.js';
import { jsonDocument } from '../format/json-document.js';
import { addModelOptions, type ModelFlags, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface EvalFlags extends ModelFlags, DataFlags {
  readonly cv?: string;
  readonly testSize?: string;
  readonly test?: string;
  readonly seed: string;
  readonly shuffle?: boolean;
  readonly json?: boolean;
}

export function registerEvalCommand(program: Command): void {
  const command = program
    .command('eval')
    .description('train a model and print its metrics, classification report and confusion matrix')
    .argument('[data]', 'CSV file with a header row');
  addModelOptions(
    addDataOptions(command, (own) =>
      own
        .option('--cv <k>', 'k-fold stratified cross-validation')
        .option('--test-size <fraction>', 'stratified hold-out fraction (default 0.2 when no --cv or --test)')
        .option('--test <file>', 'a separate labelled test file with the same columns')
        .option('--seed <n>', 'seed for splits and shuffling', '0')
        .option('--shuffle', 'shuffle before assigning folds (with --cv)'),
    ),
  ).action(
    runAction(async (data: string | undefined, flags: EvalFlags) => {
      const dataset = await loadDatasetFromFlags('eval', data, flags);
      const steps = modelStepsFromFlags(flags);
      const estimator = buildModel(steps);
      const protocol = await protocolFromFlags(flags, dataset);
      checkDataFitsModel(dataset, steps);
      if (protocol.kind === 'test-set') checkDataFitsModel(protocol.test, steps);
      const onProgress = progressLine(
        protocol.kind === 'cross-validation' ? 'fitting fold' : 'fitting',
        !flags.json,
      );
      const evaluation = await evaluate(estimator, dataset, protocol, { onProgress });
      const spec = formatModelSpec(steps);
      process.stdout.write(
        flags.json
          ? jsonDocument(evaluationToJson(evaluation, spec, steps))
          : formatEvaluation(evaluation, spec),
      );
      return 0;
    }),
  );
}

async function protocolFromFlags(flags: EvalFlags, dataset: Dataset): Promise<EvaluationProtocol> {
  const chosen = [flags.cv, flags.testSize, flags.test].filter((value) => value !== undefined);
  if (chosen.length > 1) throw usageError('eval', 'choose one of --cv, --test-size and --test');
  const seed = wholeNumberFlag('--seed', flags.seed, 0);
  if (flags.cv !== undefined) {
    return {
      kind: 'cross-validation',
      folds: wholeNumberFlag('--cv', flags.cv, 2),
      shuffle: flags.shuffle ?? false,
      seed,
    };
  }
  if (flags.test !== undefined) {
    return {
      kind: 'test-set',
      test: await loadDataset(flags.test, {
        label: dataset.labelColumn,
        drop: flags.drop,
        text: flags.text,
      }),
    };
  }
  const testSize = flags.testSize === undefined ? 0.2 : fractionFlag('--test-size', flags.testSize);
  return { kind: 'holdout', testSize, seed };
}
