import type { Command } from 'commander';
import { buildModel, checkDataFitsModel, formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import {
  createSelectKBest,
  type FittedSelectKBest,
  featuresSeenByFinalStep,
  recursiveFeatureElimination,
  recursiveFeatureEliminationCV,
  type SelectKBestParams,
} from '../../features/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import { addDataOptions, type DataFlags, loadDatasetFromFlags } from '../data-flags.js';
import { wholeNumberFlag } from '../flag-values.js';
import { datasetLine } from '../format/dataset-line.js';
import { versionedDocument } from '../format/json-document.js';
import { kBestToJson, rfecvToJson, rfeToJson } from '../format/select-json.js';
import { formatKBest, formatRfe, formatRfecv } from '../format/select-text.js';
import { addModelOptions, type ModelFlags, modelStepsFromFlags } from '../model-options.js';
import { progressLine } from '../progress-line.js';
import { runAction } from '../run-action.js';

interface SelectFlags extends ModelFlags, DataFlags {
  readonly seed: string;
  readonly json?: boolean;
  readonly rfe?: string;
  readonly rfecv?: boolean;
  readonly kbest?: string;
  readonly step: string;
  readonly cv: string;
  readonly scoring: string;
  readonly scoreFunc: string;
  readonly shuffle?: boolean;
}

/** Shown at the end of `modeldebug select --help`. */
const EXAMPLES = [
  "modeldebug select --example wine --model 'scale | logreg' --rfecv",
  'modeldebug select data.csv --label y --kbest 5 --score-func mutual_info_classif',
];

export function registerSelectCommand(program: Command): void {
  const command = withHelpExamples(program.command('select'), EXAMPLES)
    .description('pick features: recursive elimination (RFE, RFECV) or univariate scores (SelectKBest)')
    .argument('[data]', DATA_FILE_DESCRIPTION);
  addModelOptions(
    addDataOptions(command, (own) =>
      own
        .option('--rfe <k>', 'recursive feature elimination down to k features')
        .option('--rfecv', 'recursive feature elimination, the count chosen by cross-validation')
        .option('--kbest <k>', 'keep the k features with the best univariate score')
        .option('--step <n>', 'features removed per RFE iteration', '1')
        .option('--cv <k>', 'folds for --rfecv (stratified)', '5')
        .option('--scoring <name>', 'scorer for --rfecv, e.g. accuracy, f1_macro, roc_auc', 'accuracy')
        .option('--score-func <name>', 'for --kbest: f_classif | chi2 | mutual_info_classif', 'f_classif')
        .option('--shuffle', 'shuffle before assigning folds (with --rfecv)')
        .option('--seed <n>', 'seed for shuffling and mutual information', '0'),
    ),
  ).action(
    runAction(async (data: string | undefined, flags: SelectFlags) => {
      const methods = [flags.rfe !== undefined, flags.rfecv === true, flags.kbest !== undefined];
      if (methods.filter(Boolean).length !== 1) {
        throw new ModeldebugError(
          'invalid_argument',
          'choose exactly one of --rfe K, --rfecv and --kbest K',
          {
            hint: 'e.g. modeldebug select data.csv --label y --rfe 10',
          },
        );
      }
      const dataset = await loadDatasetFromFlags('select', data, flags);
      const steps = modelStepsFromFlags(flags);
      const model = buildModel(steps);
      checkDataFitsModel(dataset, steps);
      const { features: X, labels: y } = dataset;
      const names = X.columns.map((column) => column.name);
      const spec = formatModelSpec(steps);
      const seed = wholeNumberFlag('--seed', flags.seed, 0);
      const header = `${datasetLine('select', dataset)}\nmodel: ${spec}`;
      const step = Number(flags.step);

      let text: string;
      let json: object;
      if (flags.rfe !== undefined) {
        const k = wholeNumberFlag('--rfe', flags.rfe, 1);
        const result = await recursiveFeatureElimination(model, X, y, { nFeaturesToSelect: k, step });
        text = formatRfe(result, names, `${header}\nmethod: RFE to ${k} features, step ${flags.step}`);
        json = { method: 'rfe', step, ...rfeToJson(result, names) };
      } else if (flags.rfecv) {
        const folds = wholeNumberFlag('--cv', flags.cv, 2);
        const result = await recursiveFeatureEliminationCV(model, X, y, {
          step,
          cv: folds,
          scoring: flags.scoring,
          shuffle: flags.shuffle,
          seed,
          onFoldDone: progressLine('RFE on fold', !flags.json),
        });
        text = formatRfecv(
          result,
          names,
          `${header}\nmethod: RFECV, step ${flags.step}, ${folds} stratified folds`,
        );
        json = { method: 'rfecv', step, ...rfecvToJson(result, names) };
      } else {
        const k = wholeNumberFlag('--kbest', flags.kbest ?? '', 1);
        const seen = await featuresSeenByFinalStep(model, X, y);
        const selector = createSelectKBest({
          k,
          // Validated by the selector's params schema, which names the allowed values.
          score_func: flags.scoreFunc as SelectKBestParams['score_func'],
          random_state: seed,
        });
        const fitted = (await selector.fit(seen, y)) as FittedSelectKBest;
        const outcome = {
          scoreFunc: flags.scoreFunc,
          k,
          names: seen.columns.map((column) => column.name),
          scores: fitted.scores,
          pValues: fitted.pValues,
          support: fitted.support,
        };
        text = formatKBest(
          outcome,
          `${header}\nmethod: SelectKBest(${flags.scoreFunc}, k=${k}) on the features the classifier sees`,
        );
        json = { method: 'kbest', ...kBestToJson(outcome) };
      }
      process.stdout.write(
        flags.json
          ? versionedDocument('select', 2, {
              source: dataset.source,
              label: dataset.labelColumn,
              model: spec,
              ...json,
            })
          : `${text}\n`,
      );
      return 0;
    }),
  );
}
