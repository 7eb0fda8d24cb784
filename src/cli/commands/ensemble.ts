import type { Command } from 'commander';
import { compareEnsemble } from '../../analysis/index.js';
import { buildModel, checkDataFitsModel, formatModelSpec, type StepSpec } from '../../catalog/index.js';
import { splitTopLevel } from '../../catalog/model-spec.js';
import { ModeldebugError } from '../../core/errors.js';
import type { NamedClassifier } from '../../ensemble/index.js';
import { stratifiedKFold } from '../../splits/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { addDataOptions, type DataFlags, loadDatasetFromFlags } from '../data-flags.js';
import { wholeNumberFlag } from '../flag-values.js';
import { ensembleToJson, formatEnsemble } from '../format/ensemble-text.js';
import { jsonDocument } from '../format/json-document.js';
import { collect, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface EnsembleFlags extends DataFlags {
  readonly seed: string;
  readonly json?: boolean;
  readonly model: string[];
  readonly models?: string;
  readonly voting: string;
  readonly weights?: string;
  readonly stack?: boolean;
  readonly cv: string;
  readonly shuffle?: boolean;
  readonly impute?: string;
  readonly scale?: string;
  readonly encode?: string;
}

/** Shown at the end of `modeldebug ensemble --help`. */
const EXAMPLES = [
  "modeldebug ensemble --example wine --model 'scale | logreg' --model gnb --model 'scale | knn'",
  'modeldebug ensemble data.csv --label y --model logreg --model tree --voting soft --stack',
];

export function registerEnsembleCommand(program: Command): void {
  const command = withHelpExamples(program.command('ensemble'), EXAMPLES)
    .description('cross-validate several models, their vote (and stacking), and how often they agree')
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addDataOptions(command, (own) =>
    own
      .option(
        '--model <spec>',
        'a member, as a model spec (repeatable; default: logreg, gnb, knn)',
        collect,
        [],
      )
      .option('--models <specs>', "the members in one flag, separated by ';' (alias of repeated --model)")
      .option('--voting <kind>', 'hard (majority of predictions) or soft (mean of probabilities)', 'hard')
      .option('--weights <list>', 'one weight per member, e.g. 2,1,1')
      .option(
        '--stack',
        'also cross-validate stacking (final estimator: logistic regression on out-of-fold probabilities)',
      )
      .option('--cv <k>', 'stratified folds', '5')
      .option('--shuffle', 'shuffle before assigning folds')
      .option('--seed <n>', 'seed for shuffling', '0')
      .option(
        '--impute <strategy>',
        'prepend an imputer to every member: mean | median | most_frequent | constant',
      )
      .option('--scale <kind>', 'prepend a scaler to every member: standard | minmax')
      .option('--encode <kind>', 'prepend an encoder for categorical columns to every member: onehot'),
  ).action(
    runAction(async (data: string | undefined, flags: EnsembleFlags) => {
      const dataset = await loadDatasetFromFlags('ensemble', data, flags);
      const specs = memberSpecs(flags);
      const members: NamedClassifier[] = specs.map(({ name, steps }) => [name, buildModel(steps)]);
      for (const { steps } of specs) checkDataFitsModel(dataset, steps);
      const voting = votingFlag(flags.voting);
      const weights = weightsFlag(flags.weights, members.length);
      const nSplits = wholeNumberFlag('--cv', flags.cv, 2);
      const seed = wholeNumberFlag('--seed', flags.seed, 0);
      const { folds, warnings } = stratifiedKFold(dataset.labels.codes, nSplits, {
        shuffle: flags.shuffle,
        seed,
      });
      const comparison = await compareEnsemble(members, dataset.features, dataset.labels, {
        voting,
        weights,
        stack: flags.stack ?? false,
        folds,
        onProgress: progressLine('cross-validating model', !flags.json),
      });
      const context = {
        source: dataset.source,
        label: dataset.labelColumn,
        rows: dataset.features.rows,
        folds: nSplits,
        specs: specs.map(({ name, steps }) => ({
          name,
          spec: formatModelSpec(steps),
        })),
        splitWarnings: warnings,
      };
      process.stdout.write(
        flags.json ? jsonDocument(ensembleToJson(comparison, context)) : formatEnsemble(comparison, context),
      );
      return 0;
    }),
  );
}

const DEFAULT_MEMBERS = ['logreg', 'gnb', 'knn'];

/**
 * Members from every `--model` then `--models` (both may be given), named after their classifier step
 * (`knn`, `knn_2`, … when repeated); logreg, gnb and knn when neither is.
 */
function memberSpecs(flags: EnsembleFlags): { name: string; steps: StepSpec[] }[] {
  const given = [...flags.model, ...(flags.models === undefined ? [] : splitMembers(flags.models))];
  const parts = given.length === 0 && flags.models === undefined ? DEFAULT_MEMBERS : given;
  if (parts.length < 2) {
    throw new ModeldebugError(
      'invalid_argument',
      `an ensemble needs at least 2 members, got ${parts.length}`,
      {
        where: '--model',
        hint: "repeat --model, e.g. --model logreg --model gnb --model knn (or --models 'logreg;gnb;knn')",
      },
    );
  }
  const seen = new Map<string, number>();
  return parts.map((spec) => {
    const steps = modelStepsFromFlags({
      model: spec,
      impute: flags.impute,
      scale: flags.scale,
      encode: flags.encode,
    });
    const base = steps[steps.length - 1].name;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { name: count === 1 ? base : `${base}_${count}`, steps };
  });
}

/** Members split on ';' outside parentheses, brackets and quotes (a member's params may hold JSON). */
function splitMembers(text: string): string[] {
  return splitTopLevel(text, ';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function votingFlag(text: string): 'hard' | 'soft' {
  if (text === 'hard' || text === 'soft') return text;
  throw new ModeldebugError('invalid_argument', `--voting must be hard or soft, got "${text}"`, {
    where: '--voting',
  });
}

function weightsFlag(text: string | undefined, members: number): number[] | null {
  if (text === undefined) return null;
  const weights = text.split(',').map((part) => Number(part.trim()));
  if (weights.length !== members || weights.some((w) => !(w >= 0)) || weights.every((w) => w === 0)) {
    throw new ModeldebugError(
      'invalid_argument',
      `--weights needs ${members} non-negative numbers (not all 0), got "${text}"`,
      {
        where: '--weights',
        hint: 'give one weight per member, in --model order, e.g. --weights 2,1,1',
      },
    );
  }
  return weights;
}
