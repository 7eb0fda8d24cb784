import type { Command } from 'commander';
import { type EvaluationProtocol, evaluate } from '../../analysis/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { type Dataset, loadDataset as loadDataFile, loadExample } from '../../data/index.js';
import { buildModel, checkDataFitsModel } from '../../models/index.js';
import { evaluationToJson } from '../format/eval-json.js';
import { formatEvaluation } from '../format/eval-text.js';
import { addModelOptions, collect, type ModelFlags, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface EvalFlags extends ModelFlags {
  readonly label?: string;
  readonly example?: string;
  readonly cv?: string;
  readonly testSize?: string;
  readonly test?: string;
  readonly seed: string;
  readonly shuffle?: boolean;
  readonly drop: string[];
  readonly text: string[];
  readonly json?: boolean;
}

export function registerEvalCommand(program: Command): void {
  const command = program
    .command('eval')
    .description('train a model and print its metrics, classification report and confusion matrix')
    .argument('[data]', 'CSV file with a header row')
    .option('--label <column>', 'the label column (default for --example: its label)')
    .option('--example <name>', 'use a bundled dataset: iris | wine | breast_cancer | digits')
    .option('--cv <k>', 'k-fold stratified cross-validation')
    .option('--test-size <fraction>', 'stratified hold-out fraction (default 0.2 when no --cv or --test)')
    .option('--test <file>', 'a separate labelled test file with the same columns')
    .option('--seed <n>', 'seed for splits and shuffling', '0')
    .option('--shuffle', 'shuffle before assigning folds (with --cv)')
    .option('--drop <column>', 'leave a column out of the features (repeatable)', collect, [])
    .option('--text <column>', 'treat a column as free text (repeatable)', collect, [])
    .option('--json', 'print one JSON document instead of text');
  addModelOptions(command).action(
    runAction(async (data: string | undefined, flags: EvalFlags) => {
      const dataset = await loadDataset(data, flags);
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
      const spec = steps.map((step) => formatStep(step.name, step.params)).join(' | ');
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(evaluationToJson(evaluation, spec, steps), null, 2)}\n`
          : formatEvaluation(evaluation, spec),
      );
      return 0;
    }),
  );
}

export async function loadDataset(
  data: string | undefined,
  flags: Pick<EvalFlags, 'label' | 'example' | 'drop' | 'text'>,
): Promise<Dataset> {
  if (flags.example) {
    if (data) throw usage('give either a data file or --example, not both');
    return loadExample(flags.example);
  }
  if (!data) throw usage('no data: give a CSV file or --example iris');
  if (!flags.label) throw usage('--label is required with a data file: name the column that holds the class');
  return loadDataFile(data, { label: flags.label, drop: flags.drop, text: flags.text });
}

async function protocolFromFlags(flags: EvalFlags, dataset: Dataset): Promise<EvaluationProtocol> {
  const chosen = [flags.cv, flags.testSize, flags.test].filter((value) => value !== undefined);
  if (chosen.length > 1) throw usage('choose one of --cv, --test-size and --test');
  const seed = integerFlag('--seed', flags.seed, 0);
  if (flags.cv !== undefined) {
    return {
      kind: 'cross-validation',
      folds: integerFlag('--cv', flags.cv, 2),
      shuffle: flags.shuffle ?? false,
      seed,
    };
  }
  if (flags.test !== undefined) {
    return {
      kind: 'test-set',
      test: await loadDataFile(flags.test, {
        label: dataset.labelColumn,
        drop: flags.drop,
        text: flags.text,
      }),
    };
  }
  const testSize = flags.testSize === undefined ? 0.2 : Number(flags.testSize);
  if (!(testSize > 0 && testSize < 1))
    throw usage(`--test-size must be a fraction between 0 and 1, got ${flags.testSize}`);
  return { kind: 'holdout', testSize, seed };
}

function integerFlag(name: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new ModeldebugError(
      'invalid_argument',
      `${name} must be a whole number of at least ${minimum}, got "${text}"`,
      {
        where: name,
      },
    );
  }
  return value;
}

function usage(message: string): ModeldebugError {
  return new ModeldebugError('invalid_argument', message, { hint: 'see modeldebug eval --help' });
}

function formatStep(name: string, params: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return name;
  return `${name}(${entries.map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ')})`;
}
