import type { Command } from 'commander';
import { compareEnsemble } from '../../analysis/index.js';
import { buildModel, checkDataFitsModel, formatModelSpec, type StepSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import type { NamedClassifier } from '../../ensemble/index.js';
import { stratifiedKFold } from '../../splits/index.js';
import { addDataOptions, type DataFlags, loadDatasetFromFlags } from '../data-flags.js';
import { wholeNumberFlag } from '../flag-values.js';
import { ensembleToJson, formatEnsemble } from '../format/ensemble-text.js';
import { jsonDocument } from '../format/json-document.js';
import { modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface EnsembleFlags extends DataFlags {
  readonly seed: string;
  readonly json?: boolean;
  readonly models: string;
  readonly voting: string;
  readonly weights?: string;
  readonly stack?: boolean;
  readonly cv: string;
  readonly shuffle?: boolean;
  readonly impute?: string;
  readonly scale?: string;
  readonly encode?: string;
}

export function registerEnsembleCommand(program: Command): void {
  const command = program
    .command('ensemble')
    .description(
      "cross-validate several models, their vote (and stacking), and how often they agree: 'logreg;gnb;knn'",
    )
    .argument('[data]', 'CSV file with a header row');
  addDataOptions(command, (own) =>
    own
      .option(
        '--models <specs>',
        "members separated by ';', each a model spec, e.g. 'scale | logreg;gnb;knn'",
        'logreg;gnb;knn',
      )
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

/** Members from `--models`, named after their classifier step (`knn`, `knn_2`, … when repeated). */
function memberSpecs(flags: EnsembleFlags): { name: string; steps: StepSpec[] }[] {
  const parts = splitMembers(flags.models);
  if (parts.length < 2) {
    throw new ModeldebugError('invalid_argument', `--models needs at least 2 members, got ${parts.length}`, {
      where: '--models',
      hint: "separate members with ';', e.g. --models 'logreg;gnb;knn'",
    });
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

/** Splits on ';' outside parentheses, brackets and quotes (a member's params may hold JSON). */
function splitMembers(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ';' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
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
        hint: 'give one weight per member, in --models order, e.g. --weights 2,1,1',
      },
    );
  }
  return weights;
}
