import type { Command } from 'commander';
import {
  type ComplexityDirection,
  type ComplexityProbe,
  complexityAdvice,
  fitEpochCurve,
  learningCurveVerdict,
  probeComplexity,
} from '../../analysis/index.js';
import { complexityControls, formatModelSpec } from '../../catalog/index.js';
import { ModeldebugError } from '../../core/errors.js';
import { DEFAULT_TRAIN_SIZES, learningCurve } from '../../selection/index.js';
import { DATA_FILE_DESCRIPTION, withHelpExamples } from '../command-help.js';
import {
  curveJsonHead,
  curvePointsJson,
  formatCurvePoints,
  formatCurveReport,
  formatFailures,
} from '../format/curve-text.js';
import { datasetLine } from '../format/dataset-line.js';
import { epochCurveJson, epochProtocol, formatEpochTable } from '../format/epoch-text.js';
import { versionedDocument } from '../format/json-document.js';
import { type LlmCurveFlags, runLlmCurves } from '../llm-curves.js';
import { addModelOptions } from '../model-options.js';
import { runAction } from '../run-action.js';
import {
  addSelectionOptions,
  readSelectionInput,
  type SelectionFlags,
  withExecutor,
} from '../selection-flags.js';

interface CurveFlags extends SelectionFlags, LlmCurveFlags {
  readonly sizes?: string;
  readonly probe: boolean;
  readonly shuffle: boolean;
  readonly epochs?: boolean;
}

/** Shown at the end of `modeldebug curve --help`. */
const EXAMPLES = [
  "modeldebug curve --example digits --model 'scale | logreg'",
  'modeldebug curve data.csv --label y --model mlp --epochs',
];

export function registerCurveCommand(program: Command): void {
  const command = withHelpExamples(program.command('curve'), EXAMPLES)
    .description('learning curve: train and CV scores as the training set grows, and what they mean')
    .argument('[data]', DATA_FILE_DESCRIPTION)
    .option(
      '--sizes <fractions>',
      `training sizes: fractions of the largest training fold or row counts (default ${DEFAULT_TRAIN_SIZES.join(',')})`,
    )
    .option(
      '--no-probe',
      "skip the fits of the model's complexity param that back an over- or underfitting verdict",
    )
    .option(
      '--no-shuffle',
      "take each fold's training rows in file order (sklearn's default) instead of shuffled with --seed",
    )
    .option('--few-shot <ks>', 'LLM: accuracy against few-shot examples, e.g. --few-shot 0,1,2,4,8')
    .option('--maj-at-k <n>', 'LLM: one run of n samples per row, accuracy of the vote over the first k')
    .option(
      '--epochs',
      'per-epoch loss curves of a gradient-trained model (mlp, sgd) instead of a learning curve',
    );
  addSelectionOptions(addModelOptions(command)).action(
    runAction(async (data: string | undefined, flags: CurveFlags) => {
      if (flags.fewShot !== undefined || flags.majAtK !== undefined) return runLlmCurves(data, flags);
      const input = await readSelectionInput('curve', data, flags);
      const { features, labels } = input.dataset;
      if (flags.epochs) {
        const curve = await fitEpochCurve(features, labels, input.steps);
        const model = formatModelSpec(input.steps);
        if (flags.json) {
          process.stdout.write(
            versionedDocument('epoch-curve', 2, {
              ...curveJsonHead(input.dataset, model, 'accuracy', 1),
              ...epochCurveJson(curve),
            }),
          );
          return 0;
        }
        const kept = curve.history.bestEpoch;
        process.stdout.write(
          [
            datasetLine('curve --epochs', input.dataset),
            `model: ${model}`,
            `protocol: ${epochProtocol(curve)}`,
            '',
            formatEpochTable(curve),
            '',
            ...(kept !== undefined && curve.validationFraction !== undefined
              ? [
                  `kept weights: epoch ${kept}${kept < curve.history.trainLoss.length ? ' (early stopping restored the best validation epoch)' : ''}`,
                ]
              : []),
            `verdict: ${curve.verdict.summary}`,
            `next step: ${curve.verdict.nextStep}`,
            '',
          ].join('\n'),
        );
        return 0;
      }
      const trainSizes = flags.sizes === undefined ? undefined : parseNumbers(flags.sizes, '--sizes');
      return withExecutor(input, 'learning curve', flags.json, async (executor, progress) => {
        const common = { cv: input.cv, scoring: flags.scoring, executor };
        const curve = await learningCurve(features, labels, {
          ...common,
          steps: input.steps,
          trainSizes,
          shuffle: flags.shuffle,
          seed: input.seed,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        const verdict = learningCurveVerdict(curve.trainSizes, curve.points, curve.scoring);
        const direction =
          verdict.diagnosis === 'high-variance'
            ? 'simpler'
            : verdict.diagnosis === 'high-bias'
              ? 'more-complex'
              : undefined;
        const probe =
          flags.probe && direction
            ? adviceLine(
                await probeComplexity(
                  features,
                  labels,
                  input.steps,
                  complexityControls(input.steps),
                  direction,
                  common,
                ),
                direction,
              )
            : undefined;
        const model = formatModelSpec(input.steps);
        if (flags.json) {
          const json = {
            ...curveJsonHead(input.dataset, model, curve.scoring, input.cv),
            trainSizesAbs: curve.trainSizes,
            ...curvePointsJson(curve.points),
            failures: curve.failures.map((f) => ({
              trainSize: curve.trainSizes[f.point],
              fold: f.fold,
              error: f.error,
            })),
            verdict: { ...verdict, probe: probe?.nextStep ?? null },
          };
          process.stdout.write(versionedDocument('curve', 2, json));
          return 0;
        }
        process.stdout.write(
          formatCurveReport({
            command: 'curve',
            dataset: input.dataset,
            model,
            protocol: `learning curve, ${input.cv}-fold stratified cross-validation, scoring ${curve.scoring}`,
            table: formatCurvePoints('train rows', curve.trainSizes, curve.points, curve.scoring),
            failures: formatFailures(curve.failures, (p) => `${curve.trainSizes[p]} rows`),
            verdict: [`verdict: ${verdict.summary}`, `next step: ${probe?.nextStep ?? verdict.nextStep}`],
          }),
        );
        return 0;
      });
    }),
  );
}

export function parseNumbers(text: string, flag: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isFinite(value))) {
    throw new ModeldebugError('invalid_argument', `cannot read the numbers "${text}"`, {
      where: flag,
      hint: `give comma-separated numbers, e.g. ${flag} 0.1,0.5,1`,
    });
  }
  return values;
}

/** The probe's advice as the verdict's next step: what was measured, then what to do. */
function adviceLine(
  probe: ComplexityProbe | undefined,
  direction: ComplexityDirection,
): { nextStep: string } {
  const advice = complexityAdvice(probe, direction);
  return { nextStep: `${advice.message}; ${advice.suggestion}` };
}
